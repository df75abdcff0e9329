"""The portal's searchable type ("page": every published article, all languages),
registered with search in AppConfig.ready()."""

import html as html_lib

from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from pbgdpl.search.registry import IndexDocument, SearchType, register, register_kind_label

from .models import ArticlePage, LegalCasePage, MediaPage
from .selectors import article_ids_published, articles_published_by_id

SEARCH_PAGE = "page"


def article_plain_text(page: ArticlePage) -> str:
    """The readable text of an article: summary, type-specific parts, then the body.

    Shared by search (what is matched) and audio (what is read aloud).
    """
    parts: list[str] = [page.summary]
    if isinstance(page, LegalCasePage):
        parts += [
            _plain(page.situation),
            page.question,
            _plain(page.analysis),
            _plain(page.conclusion),
        ]
    if isinstance(page, MediaPage):
        parts.append(_plain(page.transcript))
    for block in page.body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(_plain(value.source))
        elif block.block_type in ("heading", "quote"):
            parts.append(str(value))
        elif block.block_type == "note":
            parts += [str(value["title"]), _plain(value["text"].source)]
        elif block.block_type == "image" and value.get("caption"):
            parts.append(str(value["caption"]))
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _plain(html: str) -> str:
    if not html:
        return ""
    text = strip_tags(expand_db_html(html).replace("</p>", "</p>\n").replace("<br/>", "\n"))
    return html_lib.unescape(text)


def pages_fetch(ids: list[str]) -> list[IndexDocument]:
    out = []
    pages = articles_published_by_id(ids)
    for page in pages:
        fields = tuple(f.code for f in page.legal_fields.all())
        out.append(
            IndexDocument(
                type=SEARCH_PAGE,
                id=str(page.id),
                kind="page",
                title=page.title,
                body=article_plain_text(page),
                context=" ".join(f.name for f in page.legal_fields.all()),
                fields=fields,
                year=page.date.year if page.date else None,
                data={
                    "url": page.get_url(),
                    "page": {
                        "type": page.specific_class._meta.model_name,
                        "type_label": str(page.specific_class._meta.verbose_name),
                        "date": page.date.isoformat() if page.date else None,
                        "language": page.locale.language_code,
                    },
                },
            )
        )
    return out


def pages_all_ids():
    return article_ids_published()


def register_all() -> None:
    from django.utils.translation import gettext_lazy as _

    register(SearchType(SEARCH_PAGE, "page", pages_fetch, pages_all_ids))
    register_kind_label("page", _("Bài viết"))
