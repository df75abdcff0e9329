"""The portal's shareable type ("portal.page": every published article, each language
version its own item), registered with exchange in AppConfig.ready()."""

import uuid

from django.conf import settings

from pbgdpl.exchange.registry import ExchangeType, SharedRecord, register

from .search_types import article_plain_text
from .selectors import article_ids_published, articles_published_by_id
from .seo import ORGANIZATION_NAME

EXCHANGE_PAGE = "portal.page"
# Item ids of pages: one per language version, stable across renames and moves.
PAGE_NAMESPACE = uuid.UUID("6f0e2f0c-4a0e-4f3e-9a57-8d1c1b2f7e11")

PAGE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Bài viết của cổng thông tin",
    "type": "object",
    "required": ["title", "kind", "language", "date", "summary", "text", "url"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1, "maxLength": 255},
        "kind": {"type": "string", "maxLength": 60, "description": "newspage, guidancepage…"},
        "kind_label": {"type": "string", "maxLength": 120},
        "language": {"type": "string", "maxLength": 10},
        "date": {"type": "string", "format": "date"},
        "summary": {"type": "string", "maxLength": 600},
        "text": {"type": "string", "description": "Toàn văn dạng chữ"},
        "url": {"type": "string", "format": "uri", "maxLength": 600},
        "fields": {"type": "array", "items": {"type": "string"}},
        "audiences": {"type": "array", "items": {"type": "string"}},
        "citations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["number"],
                "additionalProperties": False,
                "properties": {
                    "number": {"type": "string"},
                    "title": {"type": "string"},
                    "article": {"type": "string"},
                    "detail": {"type": "string"},
                },
            },
        },
        "translation_of": {"type": ["string", "null"], "description": "UUID bản tiếng Việt"},
    },
}


def page_item_uuid(page) -> uuid.UUID:
    """The item id of one language version of a page."""
    return uuid.uuid5(PAGE_NAMESPACE, f"{page.translation_key}:{page.locale.language_code}")


def pages_fetch(ids: list[str]) -> list[SharedRecord]:
    base = settings.SITE_BASE_URL.rstrip("/")
    out = []
    pages = articles_published_by_id(ids)
    for page in pages:
        language = page.locale.language_code
        vi_uuid = None
        if language != settings.LANGUAGE_CODE:
            vi_uuid = str(
                uuid.uuid5(PAGE_NAMESPACE, f"{page.translation_key}:{settings.LANGUAGE_CODE}")
            )
        out.append(
            SharedRecord(
                local_id=str(page.pk),
                uuid=page_item_uuid(page),
                updated_at=page.last_published_at or page.latest_revision_created_at,
                data={
                    "title": page.title,
                    "kind": page.specific_class._meta.model_name,
                    "kind_label": page.type_label,
                    "language": language,
                    "date": page.date.isoformat(),
                    "summary": page.summary,
                    "text": article_plain_text(page),
                    "url": base + page.url,
                    "fields": sorted(f.name for f in page.legal_fields.all()),
                    "audiences": sorted(a.name for a in page.audiences.all()),
                    "citations": [
                        {
                            "number": c.number,
                            "title": c.title,
                            "article": c.article,
                            "detail": c.detail,
                        }
                        for c in page.citations.all()
                    ],
                    "translation_of": vi_uuid,
                },
            )
        )
    return out


def pages_all_ids():
    return article_ids_published()


def _dublin_core(data: dict) -> dict[str, list[str]]:
    return {
        "title": [data["title"]],
        "description": [data["summary"]],
        "identifier": [data["url"]],
        "type": [data.get("kind_label") or "Text"],
        "date": [data["date"]],
        "subject": list(data.get("fields") or []),
        "language": [data["language"]],
        "publisher": [ORGANIZATION_NAME],
    }


def register_all() -> None:
    register(
        ExchangeType(
            name=EXCHANGE_PAGE,
            title="Bài viết của cổng thông tin",
            schema=PAGE_SCHEMA,
            fetch=pages_fetch,
            all_ids=pages_all_ids,
            dublin_core=_dublin_core,
        )
    )
