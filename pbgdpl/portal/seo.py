"""What the portal tells machines about a page: absolute URLs, Open Graph, schema.org
JSON-LD, canonical and hreflang links, and the feeds a page advertises.

Every URL here is absolute and built on ``settings.SITE_BASE_URL`` (never on the
Wagtail Site's hostname, which is "localhost" on a fresh database, nor on the request's
Host header, which a client controls).

:func:`head_meta` builds everything ``portal/includes/head_meta.html`` prints from a
template context. It works with any context: a Wagtail page's, a plain view's, and the
500 page's empty one (no request, no page: then it makes no database query at all).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

SCHEMA_CONTEXT = "https://schema.org"
# The body that runs the portal: author and publisher of everything on it.
ORGANIZATION_NAME = "Sở Tư pháp tỉnh Gia Lai"
OG_IMAGE_SPEC = "fill-1200x630"
FEED_FORMATS = ("atom", "rss")
FEED_MIME = {"atom": "application/atom+xml", "rss": "application/rss+xml"}
FIELD_FEEDS_PER_ARTICLE = 3
# Link previews show about this much; longer texts only weigh the page down.
OG_TITLE_CHARS = 200
OG_DESCRIPTION_CHARS = 300
OG_LOCALES = {"vi": "vi_VN", "en": "en_US", "jra": "jra_VN"}
LEGAL_FORCE = {
    "con_hieu_luc": "https://schema.org/InForce",
    "het_hieu_luc_mot_phan": "https://schema.org/PartiallyInForce",
    "het_hieu_luc": "https://schema.org/NotInForce",
    "chua_hieu_luc": "https://schema.org/NotInForce",
}
# The characters that could end a <script> element or open a comment, as JSON escapes
# (the same set as django.utils.html.json_script).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# --------------------------------------------------------------------------- URLs


def absolute_url(path_or_url: str) -> str:
    """``path_or_url`` on the portal's public base URL (an absolute URL is kept)."""
    if not path_or_url or path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return f"{settings.SITE_BASE_URL}/{path_or_url.lstrip('/')}"


def page_path(page, request=None) -> str:
    """The page's path on the portal ("/tin-tuc/bai-1/", "/en/news/…"); "" when the
    page is not routable (outside every site)."""
    parts = page.get_url_parts(request)
    if not parts or parts[2] is None:
        return ""
    return parts[2]


def page_absolute_url(page, request=None) -> str:
    """The page's absolute public URL on SITE_BASE_URL; "" when it is not routable."""
    path = page_path(page, request)
    return absolute_url(path) if path else ""


@dataclass(frozen=True)
class OgImage:
    url: str
    width: int
    height: int


def og_image(image) -> OgImage | None:
    """The Open Graph rendition (1200×630, cropped) of a Wagtail image with its absolute
    URL; None when there is no image or its file cannot be read."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(OG_IMAGE_SPEC)
    except (OSError, ValueError):  # the file is missing or unreadable (SourceImageIOError)
        return None
    return OgImage(url=absolute_url(rendition.url), width=rendition.width, height=rendition.height)


# --------------------------------------------------------------------------- feeds


@dataclass(frozen=True)
class FeedLink:
    """One ``<link rel="alternate">`` to a feed."""

    title: str
    href: str
    mime: str


def feed_path(
    kind: str, *, section_id: int | None = None, field_code: str = "", language: str = ""
) -> str:
    """The path of a feed: ``kind`` is "atom" or "rss"; give a section page id or a legal
    field code for theirs (else the whole site's); ``language`` a content language
    other than Vietnamese for the whole site's or a field's feed in that language."""
    if section_id is not None:
        return reverse("portal:feed-section", kwargs={"kind": kind, "page_id": section_id})
    if field_code:
        path = reverse("portal:feed-field", kwargs={"kind": kind, "code": field_code})
    else:
        path = reverse("portal:feed", kwargs={"kind": kind})
    if language and language != settings.LANGUAGE_CODE:
        path += f"?ngon_ngu={language}"
    return path


def _pair(title: str, **kwargs) -> list[FeedLink]:
    return [
        FeedLink(
            title=f"{title} ({'Atom' if kind == 'atom' else 'RSS'})",
            href=absolute_url(feed_path(kind, **kwargs)),
            mime=FEED_MIME[kind],
        )
        for kind in FEED_FORMATS
    ]


def feed_links(*, page=None, fields: list | None = None) -> list[FeedLink]:
    """The feeds a page advertises: the whole site's (in the page's language) always;
    a listing page's own; an article's legal fields' (the first three).

    ``fields`` are the article's legal fields when the caller already has them. With no
    page this makes no database query.
    """
    from .models import ArticlePage, BookshelfPage, SectionPage, UnitAreaPage

    language = page.locale.language_code if page is not None else settings.LANGUAGE_CODE
    site_name = settings.WAGTAIL_SITE_NAME
    links = _pair(_("%(site)s – Bài viết mới") % {"site": site_name}, language=language)
    if page is None:
        return links
    if isinstance(page, SectionPage | BookshelfPage | UnitAreaPage):
        links += _pair(
            _("%(section)s – %(site)s") % {"section": page.title, "site": site_name},
            section_id=page.pk,
        )
    elif isinstance(page, ArticlePage):
        if fields is None:
            fields = list(page.legal_fields.all()[:FIELD_FEEDS_PER_ARTICLE])
        for legal_field in fields[:FIELD_FEEDS_PER_ARTICLE]:
            links += _pair(
                _("Lĩnh vực %(field)s – %(site)s") % {"field": legal_field.name, "site": site_name},
                field_code=legal_field.code,
                language=language,
            )
    return links


# --------------------------------------------------------------------------- JSON-LD


def jsonld_script(data: dict[str, Any]) -> SafeString:
    """``data`` as a ``<script type="application/ld+json">`` element.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so no text in the data (a title
    holding "</script>", say) can end the element or open markup. Browsers never run
    this type of script, so the Content-Security-Policy does not apply to it.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        SafeString(text.translate(_SCRIPT_ESCAPES)),
    )


def _organization() -> dict[str, str]:
    return {"@type": "Organization", "name": ORGANIZATION_NAME, "url": settings.SITE_BASE_URL + "/"}


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat(timespec="seconds")
            if timezone.is_aware(value)
            else value.isoformat(timespec="seconds")
        )
    return value.isoformat()


def article_published_at(page) -> datetime:
    """When an article was first published (its "ngày đăng" at midnight if never)."""
    if page.first_published_at:
        return page.first_published_at
    return timezone.make_aware(datetime.combine(page.date, time.min))


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def citation_jsonld(citation) -> dict[str, Any]:
    """A cited legal document (a ``selectors.CitationLink``) as a schema.org Legislation."""
    name = citation.title or _("Văn bản số %(number)s") % {"number": citation.number}
    return _compact(
        {
            "@type": "Legislation",
            "name": name,
            "legislationIdentifier": citation.number,
            "url": absolute_url(citation.document_url) if citation.document_url else "",
        }
    )


def article_jsonld(
    page, *, url: str, image_url: str = "", fields=None, citations=None
) -> dict[str, Any]:
    """schema.org data of an article page: NewsArticle for news, Article otherwise.

    ``fields`` (legal fields) and ``citations`` (``selectors.CitationLink``) are looked up
    when not given.
    """
    from .models import NewsPage
    from .selectors import citations_for_page

    if fields is None:
        fields = list(page.legal_fields.all())
    if citations is None:
        citations = citations_for_page(page)
    organization = _organization()
    return _compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "NewsArticle" if isinstance(page, NewsPage) else "Article",
            "headline": page.seo_title or page.title,
            "name": page.title,
            "description": page.search_description or page.summary,
            "datePublished": _iso(article_published_at(page)),
            "dateModified": _iso(page.last_published_at or page.first_published_at),
            "inLanguage": page.locale.language_code,
            "url": url,
            "mainEntityOfPage": url,
            "image": [image_url] if image_url else [],
            "author": organization,
            "publisher": organization,
            "about": [{"@type": "Thing", "name": f.name} for f in fields],
            "citation": [citation_jsonld(c) for c in citations],
        }
    )


def legislation_jsonld(document, *, status=None) -> dict[str, Any]:
    """schema.org Legislation data of a legal document (a ``laws.LegalDocument``).

    ``status`` is its status in force today (``laws.status.StatusAt``) when the caller
    has it; it is computed otherwise.
    """
    from pbgdpl.laws.selectors import document_status, document_url

    if status is None:
        status = document_status(document)
    issuer = {"@type": "Organization", "name": document.issuer.name} if document.issuer_id else None
    url = absolute_url(document_url(document))
    return _compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Legislation",
            "name": document.title,
            "legislationIdentifier": document.number,
            "legislationType": document.doc_type.name if document.doc_type_id else "",
            "legislationDate": _iso(document.issued_on),
            "legislationLegalForce": LEGAL_FORCE.get(getattr(status, "code", ""), ""),
            "legislationJurisdiction": "VN",
            "legislationPassedBy": issuer,
            "inLanguage": "vi",
            "url": url,
            "sameAs": document.source_url,
            "about": [{"@type": "Thing", "name": f.name} for f in document.fields.all()],
            "publisher": _organization(),
        }
    )


# --------------------------------------------------------------------------- the <head>


@dataclass
class HeadMeta:
    """What head_meta.html prints. Empty strings are left out of the page."""

    title: str
    description: str
    og_type: str = "website"
    url: str = ""
    canonical: str = ""
    image: OgImage | None = None
    locale: str = "vi_VN"
    locale_alternates: list[str] = field(default_factory=list)
    hreflang: list[tuple[str, str]] = field(default_factory=list)
    feeds: list[FeedLink] = field(default_factory=list)
    jsonld: str = ""
    published: str = ""
    modified: str = ""
    site_name: str = ""

    @property
    def og_title(self) -> str:
        return Truncator(self.title).chars(OG_TITLE_CHARS)

    @property
    def og_description(self) -> str:
        return Truncator(self.description).chars(OG_DESCRIPTION_CHARS)

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"


def _default_description() -> str:
    return _(
        "Tra cứu văn bản pháp luật, hỏi đáp pháp luật, cuộc thi tìm hiểu pháp luật và tin "
        "tức phổ biến, giáo dục pháp luật."
    )


def _page_number(request) -> int:
    raw = request.GET.get("trang", "") if request is not None else ""
    return int(raw) if raw.isdigit() and 1 < int(raw) < 100_000 else 1


def head_meta(context) -> HeadMeta:
    """Everything for the <head> of whatever ``context`` renders.

    Looks for a Wagtail ``page`` (canonical, hreflang, Open Graph, NewsArticle/Article
    JSON-LD, the page's feeds); else a legal ``document`` (Open Graph; its Legislation
    JSON-LD is printed by its own template) and a ``legal_field`` (a ``laws.LegalField``
    whose feeds the page offers); else the site's defaults. ``request`` may be
    missing (the 500 page).
    """
    from wagtail.models import Page

    request = context.get("request")
    page = context.get("page")
    site_name = settings.WAGTAIL_SITE_NAME
    language = translation.get_language() or settings.LANGUAGE_CODE
    meta = HeadMeta(
        title=site_name,
        description=_default_description(),
        locale=OG_LOCALES.get(language, "vi_VN"),
        site_name=site_name,
    )
    if request is not None:
        meta.url = absolute_url(request.path)
    if isinstance(page, Page) and page.pk:
        _page_meta(meta, page, request=request, context=context)
        return meta
    from pbgdpl.laws.models import LegalDocument, LegalField

    legal_field = context.get("legal_field")
    meta.feeds = feed_links()
    if isinstance(legal_field, LegalField):  # a field's own listing offers its feeds
        meta.feeds += _pair(
            _("Lĩnh vực %(field)s – %(site)s") % {"field": legal_field.name, "site": site_name},
            field_code=legal_field.code,
        )
    document = context.get("document")

    if isinstance(document, LegalDocument):
        head = document.doc_type.name if document.doc_type_id else _("Văn bản")
        number = f" {document.number}" if document.number else ""
        meta.title = f"{head}{number}"
        meta.description = document.title
        meta.og_type = "article"
        if context.get("canonical"):
            meta.url = context["canonical"]
    return meta


def _page_meta(meta: HeadMeta, page, *, request, context) -> None:
    from wagtail.models import Page

    from .models import ArticlePage
    from .selectors import CitationLink, page_translations

    if type(page) is Page:
        page = page.specific_deferred
    language = page.locale.language_code
    url = page_absolute_url(page, request)
    meta.url = url
    page_number = _page_number(request)
    meta.canonical = f"{url}?trang={page_number}" if url and page_number > 1 else url
    meta.locale = OG_LOCALES.get(language, "vi_VN")
    meta.title = page.seo_title or page.title
    description = (
        page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")
    )
    meta.description = description or _default_description()

    translations = page_translations(page) if url else []
    if len(translations) > 1:
        for translated in translations:
            code = translated.locale.language_code
            href = page_absolute_url(translated, request)
            if not href:
                continue
            meta.hreflang.append((code, href))
            if code == settings.LANGUAGE_CODE:
                meta.hreflang.append(("x-default", href))
            if code != language:
                meta.locale_alternates.append(OG_LOCALES.get(code, code))

    fields = None
    if isinstance(page, ArticlePage):
        # The article's own context (selectors.article_context) has fields and citations.
        fields = context.get("page_fields")
        if not isinstance(fields, list):
            fields = list(page.legal_fields.all())
        citations = context.get("citations")
        if not isinstance(citations, list) or not all(
            isinstance(c, CitationLink) for c in citations
        ):
            citations = None
        meta.og_type = "article"
        meta.image = og_image(page.feed_image) if page.feed_image_id else None
        meta.published = _iso(article_published_at(page)) or ""
        meta.modified = _iso(page.last_published_at) or ""
        if url:
            meta.jsonld = jsonld_script(
                article_jsonld(
                    page,
                    url=url,
                    image_url=meta.image.url if meta.image else "",
                    fields=fields,
                    citations=citations,
                )
            )
    meta.feeds = feed_links(page=page, fields=fields)
