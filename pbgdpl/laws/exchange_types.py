"""The legal library's shareable type ("laws.document": a legal document's identity,
dates, type, issuer and fields), registered with exchange in AppConfig.ready()."""

from django.conf import settings

from pbgdpl.exchange.registry import ExchangeType, SharedRecord, register

from .models import LegalDocument
from .selectors import document_uri, document_url

EXCHANGE_DOCUMENT = "laws.document"

DOCUMENT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Văn bản pháp luật",
    "type": "object",
    "required": ["number", "title", "type", "eli", "url"],
    "additionalProperties": False,
    "properties": {
        "number": {"type": "string", "maxLength": 80, "description": "Số ký hiệu"},
        "title": {"type": "string", "minLength": 1, "maxLength": 1000},
        "type": {"type": "string", "maxLength": 200},
        "issuer": {"type": "string", "maxLength": 300},
        "signer": {"type": "string", "maxLength": 200},
        "issued_on": {"type": ["string", "null"], "format": "date"},
        "effective_on": {"type": ["string", "null"], "format": "date"},
        "expires_on": {"type": ["string", "null"], "format": "date"},
        "fields": {"type": "array", "items": {"type": "string", "maxLength": 200}},
        "eli": {"type": "string", "maxLength": 300},
        "url": {"type": "string", "format": "uri", "maxLength": 600},
        "source_url": {"type": "string", "maxLength": 500},
    },
}


def _iso(day):
    return day.isoformat() if day else None


def documents_fetch(ids: list[str]) -> list[SharedRecord]:
    keys = [int(i) for i in ids if str(i).isdigit()]
    base = settings.SITE_BASE_URL.rstrip("/")
    out = []
    docs = (
        LegalDocument.objects.filter(pk__in=keys)
        .select_related("doc_type", "issuer")
        .prefetch_related("fields")
    )
    for doc in docs:
        out.append(
            SharedRecord(
                local_id=str(doc.pk),
                uuid=doc.uuid,
                updated_at=doc.updated_at,
                data={
                    "number": doc.number,
                    "title": doc.title,
                    "type": doc.doc_type.name if doc.doc_type_id else "",
                    "issuer": doc.issuer.name if doc.issuer_id else "",
                    "signer": doc.signer,
                    "issued_on": _iso(doc.issued_on),
                    "effective_on": _iso(doc.effective_on),
                    "expires_on": _iso(doc.expires_on),
                    "fields": sorted(f.name for f in doc.fields.all()),
                    "eli": document_uri(doc),
                    "url": base + document_url(doc),
                    "source_url": doc.source_url,
                },
            )
        )
    return out


def documents_all_ids():
    return LegalDocument.objects.order_by("pk").values_list("pk", flat=True).iterator()


def _dublin_core(data: dict) -> dict[str, list[str]]:
    return {
        "title": [data["title"]],
        "identifier": [v for v in (data.get("number"), data.get("url")) if v],
        "type": [data.get("type") or "Văn bản quy phạm pháp luật"],
        "creator": [data["issuer"]] if data.get("issuer") else [],
        "date": [data["issued_on"]] if data.get("issued_on") else [],
        "subject": list(data.get("fields") or []),
        "language": ["vi"],
    }


def register_all() -> None:
    register(
        ExchangeType(
            name=EXCHANGE_DOCUMENT,
            title="Văn bản pháp luật",
            schema=DOCUMENT_SCHEMA,
            fetch=documents_fetch,
            all_ids=documents_all_ids,
            dublin_core=_dublin_core,
        )
    )
