"""The legal library's shareable types, registered with exchange in AppConfig.ready():
"laws.document" (a legal document's identity, dates, type, issuer and fields),
"laws.provision" (an article of a document's current text, with its clauses) and
"laws.phapdien_article" (an article of the Bộ pháp điển with its source citation)."""

import uuid

from django.conf import settings
from django.utils import timezone

from pbgdpl.exchange.registry import ExchangeType, SharedRecord, register

from .models import LegalDocument, PhapDienArticle, Provision, ProvisionKind
from .selectors import document_uri, document_url, phapdien_article_url, phapdien_subject_url

EXCHANGE_DOCUMENT = "laws.document"
EXCHANGE_PHAPDIEN = "laws.phapdien_article"
EXCHANGE_PROVISION = "laws.provision"
# Item ids of provisions: the document's uuid and the provision's eId, the same across
# versions of the text (a provision's row changes with each version, its eId does not).
PROVISION_NAMESPACE = uuid.UUID("5b3c7e1d-2f4a-4b6c-9d8e-1a2b3c4d5e6f")
# Item ids of Pháp điển articles: the official đề mục page's id and the article's place in
# it (the import updates articles in place by that place).
PHAPDIEN_NAMESPACE = uuid.UUID("0d8f5a52-9a3b-4c61-8f0e-5b7a2f4e9c13")

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


PHAPDIEN_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Điều của Bộ pháp điển",
    "type": "object",
    "required": ["code", "heading", "text", "topic", "subject", "url"],
    "additionalProperties": False,
    "properties": {
        "code": {"type": "string", "maxLength": 40, "description": "Số hiệu, ví dụ 15.6.LQ.1"},
        "heading": {"type": "string", "maxLength": 1000},
        "chapter": {"type": "string", "maxLength": 1000},
        "text": {"type": "string"},
        "topic": {
            "type": "object",
            "required": ["number", "name"],
            "properties": {"number": {"type": "integer"}, "name": {"type": "string"}},
        },
        "subject": {
            "type": "object",
            "required": ["number", "name"],
            "properties": {"number": {"type": "string"}, "name": {"type": "string"}},
        },
        "source": {
            "type": "object",
            "properties": {
                "citation": {"type": "string"},
                "document_number": {"type": "string"},
                "article": {"type": "string"},
                "clause": {"type": "string"},
                "effective_on": {"type": ["string", "null"], "format": "date"},
                "url": {"type": "string"},
            },
        },
        "url": {"type": "string", "format": "uri", "maxLength": 600},
    },
}


def phapdien_fetch(ids: list[str]) -> list[SharedRecord]:
    pks = [int(i) for i in ids if str(i).isdigit()]
    base = settings.SITE_BASE_URL.rstrip("/")
    now = timezone.now()
    subject_urls: dict[int, str] = {}
    out = []
    articles = PhapDienArticle.objects.filter(pk__in=pks).select_related(
        "subject", "subject__topic", "source_document"
    )
    for a in articles:
        subject = a.subject
        if subject.pk not in subject_urls:
            subject_urls[subject.pk] = phapdien_subject_url(subject)
        url = phapdien_article_url(a, subject, base=subject_urls[subject.pk])
        out.append(
            SharedRecord(
                local_id=str(a.pk),
                uuid=uuid.uuid5(PHAPDIEN_NAMESPACE, f"{subject.source_uuid}:{a.position}"),
                # Articles keep no change time: publishing happens only when the data
                # changed, so the time of publishing is the time of the change.
                updated_at=now,
                data={
                    "code": a.code,
                    "heading": a.heading,
                    "chapter": a.chapter,
                    "text": a.body,
                    "topic": {"number": subject.topic.number, "name": subject.topic.name},
                    "subject": {"number": subject.number, "name": subject.name},
                    "source": {
                        "citation": a.citation_text,
                        "document_number": a.source_document.number if a.source_document else "",
                        "article": a.source_article,
                        "clause": a.source_clause,
                        "effective_on": _iso(a.source_effective_on),
                        "url": a.citation_url,
                    },
                    "url": base + url,
                },
            )
        )
    return out


def phapdien_all_ids():
    return PhapDienArticle.objects.order_by("pk").values_list("pk", flat=True).iterator()


def _phapdien_dublin_core(data: dict) -> dict[str, list[str]]:
    return {
        "title": [f"Điều {data['code']}. {data['heading']}".strip()],
        "identifier": [data["url"]],
        "type": ["Điều của Bộ pháp điển"],
        "subject": [data["topic"]["name"], data["subject"]["name"]],
        "source": [data["source"]["citation"]] if data.get("source", {}).get("citation") else [],
        "language": ["vi"],
        "publisher": ["Bộ Tư pháp (Bộ pháp điển)"],
    }


PROVISION_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Điều khoản của văn bản pháp luật",
    "type": "object",
    "required": ["document", "eid", "label", "title", "text", "url"],
    "additionalProperties": False,
    "properties": {
        "document": {
            "type": "object",
            "required": ["number", "title", "url"],
            "properties": {
                "number": {"type": "string"},
                "title": {"type": "string"},
                "url": {"type": "string"},
                "uuid": {"type": "string", "description": "UUID của văn bản (laws.document)"},
            },
        },
        "eid": {"type": "string", "maxLength": 200, "description": "ví dụ chuong_2__dieu_5"},
        "label": {"type": "string", "maxLength": 200, "description": "ví dụ Điều 5"},
        "title": {"type": "string"},
        "context": {"type": "string"},
        "text": {"type": "string", "description": "Toàn văn của điều, cả các khoản, điểm"},
        "url": {"type": "string", "format": "uri", "maxLength": 600},
    },
}


def provision_local_id(document_id: int, eid: str) -> str:
    """The exchange's local id of a provision: stable across versions of the text."""
    return f"{document_id}:{eid}"


def _shared_kinds(version_id: int) -> list[str]:
    """The units shared for a text: its articles, or its top-level units when it has none
    (the same units search indexes)."""
    rows = Provision.objects.filter(version_id=version_id)
    if rows.filter(kind=ProvisionKind.ARTICLE).exists():
        return [ProvisionKind.ARTICLE]
    return list(rows.filter(depth=0).values_list("kind", flat=True).distinct())


def provisions_fetch(ids: list[str]) -> list[SharedRecord]:
    from .search_types import provisions_fetch as provisions_index_documents

    wanted: dict[int, set[str]] = {}
    for local_id in ids:
        doc, _sep, eid = str(local_id).partition(":")
        if doc.isdigit() and eid:
            wanted.setdefault(int(doc), set()).add(eid)
    if not wanted:
        return []
    rows = list(
        Provision.objects.filter(
            document_id__in=wanted, version__is_current=True, eid__in=set().union(*wanted.values())
        ).select_related("document")
    )
    kinds_of: dict[int, list[str]] = {}
    picked = {}
    for row in rows:
        if row.eid not in wanted.get(row.document_id, ()):
            continue
        if row.version_id not in kinds_of:
            kinds_of[row.version_id] = _shared_kinds(row.version_id)
        if row.kind in kinds_of[row.version_id]:
            picked[row.pk] = row
    base = settings.SITE_BASE_URL.rstrip("/")
    now = timezone.now()
    out = []
    for doc in provisions_index_documents([str(pk) for pk in picked]):
        row = picked[int(doc.id)]
        document = row.document
        out.append(
            SharedRecord(
                local_id=provision_local_id(row.document_id, row.eid),
                uuid=uuid.uuid5(PROVISION_NAMESPACE, f"{document.uuid}:{row.eid}"),
                updated_at=now,  # published only when the text changed
                data={
                    "document": {
                        "number": document.number,
                        "title": document.title,
                        "url": base + document_url(document),
                        "uuid": str(document.uuid),
                    },
                    "eid": row.eid,
                    "label": doc.data["provision"]["label"],
                    "title": doc.title,
                    "context": doc.context,
                    "text": doc.body,
                    "url": base + doc.data["url"],
                },
            )
        )
    return out


def provisions_all_ids():
    rows = (
        Provision.objects.filter(version__is_current=True, kind=ProvisionKind.ARTICLE)
        .order_by("pk")
        .values_list("document_id", "eid")
        .iterator()
    )
    for document_id, eid in rows:
        yield provision_local_id(document_id, eid)


def _provision_dublin_core(data: dict) -> dict[str, list[str]]:
    return {
        "title": [data["title"]],
        "identifier": [data["url"]],
        "type": ["Điều khoản văn bản pháp luật"],
        "source": [f"{data['document']['title']} {data['document']['number']}".strip()],
        "relation": [data["document"]["url"]],
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
    register(
        ExchangeType(
            name=EXCHANGE_PROVISION,
            title="Điều khoản của văn bản pháp luật",
            schema=PROVISION_SCHEMA,
            fetch=provisions_fetch,
            all_ids=provisions_all_ids,
            dublin_core=_provision_dublin_core,
        )
    )
    register(
        ExchangeType(
            name=EXCHANGE_PHAPDIEN,
            title="Điều của Bộ pháp điển",
            schema=PHAPDIEN_SCHEMA,
            fetch=phapdien_fetch,
            all_ids=phapdien_all_ids,
            dublin_core=_phapdien_dublin_core,
        )
    )
