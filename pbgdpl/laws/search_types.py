"""The legal library's searchable types, registered with search in AppConfig.ready():
documents (kind "document"), articles of document texts and Pháp điển articles (kind
"provision")."""

from collections import defaultdict
from datetime import date

from pbgdpl.search.registry import (
    IndexDocument,
    SearchType,
    register,
    register_filter_choices,
)

from .models import (
    DocumentType,
    LegalDocument,
    LegalField,
    PhapDienArticle,
    PhapDienTopic,
    Provision,
    ProvisionKind,
    Relation,
)
from .selectors import (
    ENDING_KINDS,
    document_uri,
    document_url,
    phapdien_article_url,
    phapdien_subject_url,
    provision_url,
)
from .services import SEARCH_DOCUMENT, SEARCH_PHAPDIEN, SEARCH_PROVISION
from .status import Event, Status, force_window, status_at

PROVISION_LABELS = dict(ProvisionKind.choices)


def _windows(document_ids: set[int]) -> dict[int, list[Event]]:
    events: dict[int, list[Event]] = defaultdict(list)
    for relation in Relation.objects.filter(
        target_id__in=document_ids, kind__in=ENDING_KINDS
    ).select_related("source"):
        events[relation.target_id].append(
            Event(
                kind=relation.kind,
                on=relation.effective_on or relation.source.effective_on,
                whole=not relation.target_eid,
            )
        )
    return events


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _document_facts(document: LegalDocument, events: list[Event]) -> tuple[dict, date | None]:
    """The ``document`` block of a result and the day it stops being in force."""
    _start, end = force_window(
        effective_on=document.effective_on, expires_on=document.expires_on, events=events
    )
    partial = [e.on for e in events if not e.whole and e.kind in ("replaces", "repeals") and e.on]
    amended = [e.on for e in events if e.kind == "amends" and e.on]
    facts = {
        "number": document.number,
        "title": document.title,
        "type": document.doc_type.name if document.doc_type else "",
        "issuer": document.issuer.name if document.issuer else "",
        "status": "",
        "url": document_url(document),
        "_w": [
            _iso(document.effective_on),
            _iso(end),
            _iso(min(partial) if partial else None),
            _iso(min(amended) if amended else None),
        ],
    }
    return facts, end


def _present(data: dict, day: date) -> dict:
    """Fill the status in force on ``day`` from the dates kept in the index."""
    block = data.get("document")
    if block and "_w" in block:
        block = dict(block)
        eff, end, partial, amended = (date.fromisoformat(v) if v else None for v in block.pop("_w"))
        events = []
        if end:
            events.append(Event(kind="repeals", on=end, whole=True))
        if partial:
            events.append(Event(kind="repeals", on=partial, whole=False))
        if amended:
            events.append(Event(kind="amends", on=amended, whole=False))
        status = status_at(on=day, effective_on=eff, expires_on=None, events=events)
        block["status"] = status.code
        block["status_label"] = str(Status.LABELS[status.code])
        data = {**data, "document": block}
    return data


def _fields(document: LegalDocument) -> tuple[str, ...]:
    return tuple(f.code for f in document.fields.all())


# --------------------------------------------------------------------------- documents


def documents_fetch(ids: list[str]) -> list[IndexDocument]:
    pks = [int(i) for i in ids if str(i).isdigit()]
    documents = list(
        LegalDocument.objects.filter(pk__in=pks)
        .select_related("doc_type", "issuer")
        .prefetch_related("fields")
    )
    events = _windows({d.pk for d in documents})
    out = []
    for document in documents:
        facts, end = _document_facts(document, events.get(document.pk, []))
        type_name = document.doc_type.name if document.doc_type else ""
        title = document.title
        if document.number and document.number not in title:
            title = f"{type_name} {document.number} {title}".strip()
        out.append(
            IndexDocument(
                type=SEARCH_DOCUMENT,
                id=str(document.pk),
                kind="document",
                title=title,
                body=" ".join(
                    filter(
                        None,
                        [
                            type_name,
                            document.number,
                            document.title,
                            facts["issuer"],
                            document.signer,
                        ],
                    )
                ),
                numbers=(document.number,) if document.number else (),
                doc_type=document.doc_type.code if document.doc_type else "",
                issuer=document.issuer.code if document.issuer else "",
                fields=_fields(document),
                year=document.issued_on.year if document.issued_on else None,
                effective_on=document.effective_on,
                expires_on=end,
                data={
                    "kind": "document",
                    "uri": document_uri(document),
                    "url": document_url(document),
                    "document": facts,
                    "provision": None,
                    "source": None,
                },
            )
        )
    return out


def documents_all_ids():
    return LegalDocument.objects.order_by("pk").values_list("pk", flat=True).iterator()


# --------------------------------------------------------------------------- provisions


def _subtree_text(rows_by_parent: dict, pk: int) -> list[str]:
    lines = []
    for child in rows_by_parent.get(pk, []):
        label = f"{child.number}." if child.kind == ProvisionKind.CLAUSE else f"{child.number})"
        head = f"{label} {child.heading}".strip() if child.heading else label
        if child.kind in (ProvisionKind.CLAUSE, ProvisionKind.POINT):
            lines.append(f"{head} {child.text}".strip())
        else:
            lines.append(
                f"{PROVISION_LABELS.get(child.kind, '')} {child.number}. {child.heading}".strip()
            )
            if child.text:
                lines.append(child.text)
        lines.extend(_subtree_text(rows_by_parent, child.pk))
    return lines


def provisions_fetch(ids: list[str]) -> list[IndexDocument]:
    pks = [int(i) for i in ids if str(i).isdigit()]
    targets = list(
        Provision.objects.filter(pk__in=pks, version__is_current=True).select_related(
            "version", "document", "document__doc_type", "document__issuer"
        )
    )
    if not targets:
        return []
    version_ids = {p.version_id for p in targets}
    all_rows = (
        Provision.objects.filter(version_id__in=version_ids)
        .only("id", "parent_id", "kind", "number", "heading", "text", "position")
        .order_by("position")
    )
    by_pk, by_parent = {}, defaultdict(list)
    for row in all_rows:
        by_pk[row.pk] = row
        by_parent[row.parent_id].append(row)
    documents = {p.document_id: p.document for p in targets}
    events = _windows(set(documents))
    facts_of = {pk: _document_facts(d, events.get(pk, [])) for pk, d in documents.items()}
    fields = {d.pk: tuple(d.fields.values_list("code", flat=True)) for d in documents.values()}
    out = []
    for p in targets:
        document = p.document
        facts, end = facts_of[document.pk]
        ancestors = []
        parent = by_pk.get(p.parent_id)
        while parent is not None:
            ancestors.append(
                f"{PROVISION_LABELS.get(parent.kind, '')} {parent.number} {parent.heading}"
            )
            parent = by_pk.get(parent.parent_id)
        label = p.label
        title = f"{label}. {p.heading}".strip() if p.heading else label
        body = "\n".join(filter(None, [p.text, *_subtree_text(by_parent, p.pk)]))
        url = provision_url(
            document_url_path=facts["url"],
            anchor=p.anchor,
            page=p.page,
            page_count=p.version.page_count,
        )
        out.append(
            IndexDocument(
                type=SEARCH_PROVISION,
                id=str(p.pk),
                kind="provision",
                title=title,
                body=body,
                context=" ".join([document.title, *reversed(ancestors)]),
                doc_type=document.doc_type.code if document.doc_type else "",
                issuer=document.issuer.code if document.issuer else "",
                fields=fields.get(document.pk, ()),
                year=document.issued_on.year if document.issued_on else None,
                effective_on=document.effective_on,
                expires_on=end,
                data={
                    "kind": "provision",
                    "uri": f"{document_uri(document)}#{p.anchor}",
                    "url": url,
                    "document": facts,
                    "provision": {
                        "eid": p.eid,
                        "label": label,
                        "article_number": p.number if p.kind == ProvisionKind.ARTICLE else "",
                    },
                    "source": None,
                },
            )
        )
    return out


def provisions_all_ids():
    return (
        Provision.objects.filter(version__is_current=True)
        .filter(kind=ProvisionKind.ARTICLE)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator()
    )


# --------------------------------------------------------------------------- Pháp điển


def phapdien_fetch(ids: list[str]) -> list[IndexDocument]:
    pks = [int(i) for i in ids if str(i).isdigit()]
    articles = list(
        PhapDienArticle.objects.filter(pk__in=pks).select_related(
            "subject",
            "subject__topic",
            "source_document",
            "source_document__doc_type",
            "source_document__issuer",
        )
    )
    documents = {a.source_document_id for a in articles if a.source_document_id}
    events = _windows(documents)
    facts_of: dict[int, tuple[dict, date | None]] = {}
    subject_urls: dict[int, str] = {}
    out = []
    for a in articles:
        subject = a.subject
        document = a.source_document
        facts, end = (None, None)
        if document is not None:
            if document.pk not in facts_of:
                facts_of[document.pk] = _document_facts(document, events.get(document.pk, []))
            facts, end = facts_of[document.pk]
        if subject.pk not in subject_urls:
            subject_urls[subject.pk] = phapdien_subject_url(subject)
        url = phapdien_article_url(a, subject, base=subject_urls[subject.pk])
        title = f"Điều {a.code}. {a.heading}".strip()
        out.append(
            IndexDocument(
                type=SEARCH_PHAPDIEN,
                id=str(a.pk),
                kind="provision",
                title=title,
                body=a.body,
                context=" ".join(
                    filter(None, [subject.name, a.chapter, document.title if document else ""])
                ),
                doc_type=document.doc_type.code if document and document.doc_type else "",
                issuer=document.issuer.code if document and document.issuer else "",
                fields=(f"chu-de-{subject.topic.number}",),
                year=document.issued_on.year if document and document.issued_on else None,
                effective_on=document.effective_on if document else a.source_effective_on,
                expires_on=end,
                data={
                    "kind": "provision",
                    "uri": url,
                    "url": url,
                    "document": facts,
                    "provision": {
                        "eid": a.anchor,
                        "label": f"Điều {a.code}",
                        "article_number": a.code,
                    },
                    "source": {
                        "document_number": document.number if document else "",
                        "article_number": a.source_article,
                        "clause_number": a.source_clause,
                        "citation": a.citation_text,
                        "url": a.citation_url,
                    },
                    "phapdien": {
                        "subject": subject.number,
                        "subject_slug": subject.slug,
                        "subject_name": subject.name,
                        "topic": subject.topic.number,
                        "topic_name": subject.topic.name,
                    },
                },
            )
        )
    return out


def phapdien_all_ids():
    return PhapDienArticle.objects.order_by("pk").values_list("pk", flat=True).iterator()


def _type_choices() -> list[tuple[str, str]]:
    return list(DocumentType.objects.order_by("rank", "name").values_list("code", "name"))


def _field_choices() -> list[tuple[str, str]]:
    return list(LegalField.objects.order_by("name").values_list("code", "name"))


def _topic_choices() -> list[tuple[str, str]]:
    return [
        (f"chu-de-{n}", f"{n}. {name}")
        for n, name in PhapDienTopic.objects.order_by("number").values_list("number", "name")
    ]


def register_all() -> None:
    register_filter_choices("types", _type_choices)
    register_filter_choices("fields", _field_choices)
    register_filter_choices("topics", _topic_choices)
    register(SearchType(SEARCH_DOCUMENT, "document", documents_fetch, documents_all_ids, _present))
    register(
        SearchType(SEARCH_PROVISION, "provision", provisions_fetch, provisions_all_ids, _present)
    )
    register(SearchType(SEARCH_PHAPDIEN, "provision", phapdien_fetch, phapdien_all_ids, _present))
