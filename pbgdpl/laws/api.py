"""Read API of the legal library: documents with status at a date, table of contents,
relations; the Bộ pháp điển tree."""

from datetime import date
from uuid import UUID

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from pbgdpl.core.text import fold

from .models import LegalDocument
from .selectors import (
    document_current_version,
    document_relations,
    document_status,
    document_uri,
    document_url,
    phapdien_topics,
    provision_url,
    version_outline,
)

router = Router(tags=["laws"])


class StatusOut(Schema):
    code: str
    label: str
    on: date
    since: date | None = None
    amended: bool


class DocumentBriefOut(Schema):
    id: UUID
    uri: str
    url: str
    number: str
    title: str
    type: str
    issuer: str
    issued_on: date | None = None
    effective_on: date | None = None
    expires_on: date | None = None
    status: StatusOut


class TocOut(Schema):
    label: str
    heading: str
    depth: int
    url: str


class RelationOut(Schema):
    kind: str
    label: str
    document: str
    document_url: str
    eid: str
    effective_on: date | None = None


class DocumentOut(DocumentBriefOut):
    signer: str
    fields: list[str]
    source_url: str
    toc: list[TocOut]
    relations_out: list[RelationOut]
    relations_in: list[RelationOut]


class DocumentsParams(Schema):
    number: str = ""
    on: date | None = None
    limit: int = 20


def _brief(document: LegalDocument, on: date | None) -> dict:
    status = document_status(document, on=on)
    return {
        "id": document.uuid,
        "uri": document_uri(document),
        "url": document_url(document),
        "number": document.number,
        "title": document.title,
        "type": document.doc_type.name if document.doc_type else "",
        "issuer": document.issuer.name if document.issuer else "",
        "issued_on": document.issued_on,
        "effective_on": document.effective_on,
        "expires_on": document.expires_on,
        "status": {
            "code": status.code,
            "label": status.label,
            "on": status.on,
            "since": status.since,
            "amended": status.amended,
        },
    }


@router.get(
    "/laws/documents", response=list[DocumentBriefOut], summary="Tra văn bản theo số ký hiệu"
)
def documents_list(request: HttpRequest, params: Query[DocumentsParams]):
    if not 1 <= params.limit <= 100:
        raise HttpError(422, "limit phải từ 1 đến 100.")
    qs = LegalDocument.objects.select_related("doc_type", "issuer").order_by("-issued_on", "pk")
    if params.number:
        from pbgdpl.search.analysis import query_analyze

        keys = query_analyze(params.number).number_keys
        if not keys:
            raise HttpError(422, "Không nhận ra số ký hiệu (ví dụ 14/2012/QH13).")
        full = [k for k in keys if k.count("/") == 2]
        qs = (
            qs.filter(number_key__in=full)
            if full
            else qs.filter(number_key__startswith=fold(keys[0]) + "/")
        )
    return [_brief(d, params.on) for d in qs[: params.limit]]


@router.get("/laws/documents/{document_id}", response=DocumentOut, summary="Một văn bản")
def document_detail(request: HttpRequest, document_id: UUID, on: date | None = None):
    document = (
        LegalDocument.objects.select_related("doc_type", "issuer")
        .prefetch_related("fields")
        .filter(uuid=document_id)
        .first()
    )
    if document is None:
        raise HttpError(404, "Không tìm thấy văn bản.")
    data = _brief(document, on)
    version = document_current_version(document)
    url = document_url(document)
    toc = []
    if version is not None:
        toc = [
            {
                "label": e.label,
                "heading": e.heading,
                "depth": e.depth,
                "url": provision_url(
                    document_url_path=url,
                    anchor=e.anchor,
                    page=e.page,
                    page_count=version.page_count,
                ),
            }
            for e in version_outline(version)
        ]
    relations = document_relations(document)

    def rel(r, other):
        return {
            "kind": r.kind,
            "label": r.get_kind_display(),
            "document": str(other),
            "document_url": document_url(other),
            "eid": r.target_eid,
            "effective_on": r.effective_on,
        }

    data.update(
        signer=document.signer,
        fields=[f.name for f in document.fields.all()],
        source_url=document.source_url,
        toc=toc,
        relations_out=[rel(r, r.target) for r in relations["outgoing"]],
        relations_in=[rel(r, r.source) for r in relations["incoming"]],
    )
    return data


class TopicOut(Schema):
    number: int
    name: str
    subject_count: int


@router.get("/laws/phapdien/topics", response=list[TopicOut], summary="Các chủ đề Bộ pháp điển")
def phapdien_topic_list(request: HttpRequest):
    return [
        {"number": t.number, "name": t.name, "subject_count": t.subject_count}
        for t in phapdien_topics()
    ]
