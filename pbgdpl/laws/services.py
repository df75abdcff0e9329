"""Writes of the legal library: documents, versions with their provision tree, relations,
and the importers (Bộ pháp điển, ALQAC, uploaded texts).

Every write logs the search changes it causes in the same transaction, so the search
index of every app server follows without a manual rebuild.
"""

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold, normalize, parse_document_number
from pbgdpl.exchange.services import exchange_publish
from pbgdpl.people.permissions import require
from pbgdpl.search.services import search_changes_record

from .exchange_types import (
    EXCHANGE_DOCUMENT,
    EXCHANGE_PHAPDIEN,
    EXCHANGE_PROVISION,
    provision_local_id,
)
from .models import (
    DocumentOrigin,
    DocumentType,
    DocumentVersion,
    IssuingBody,
    LegalDocument,
    LegalField,
    PhapDienArticle,
    PhapDienSubject,
    PhapDienTopic,
    Provision,
    ProvisionKind,
    Relation,
    RelationKind,
)
from .parsers import (
    TOPIC_NAMES,
    Citation,
    ParsedDocument,
    ParseError,
    ProvisionNode,
    phapdien_iter_pages,
    phapdien_parse_page,
    structure_parse_article,
)
from .reference import DOCUMENT_TYPES, ISSUERS, TYPE_BY_CODE

# A document view shows at most about this many characters per page (the 100 KB budget).
PAGE_CHARS = 30_000
# Levels the search indexes as one result: the article, or the top level when a text
# has no articles.
SEARCH_DOCUMENT = "laws.document"
SEARCH_PROVISION = "laws.provision"
SEARCH_PHAPDIEN = "laws.phapdien"


class _LegalLibrary:
    """The permission scope of the library: it belongs to no commune, so only roles held
    at province level reach it (``can`` treats an object without a unit that way)."""

    unit = None


LEGAL_LIBRARY = _LegalLibrary()


class LawsImportError(Exception):
    """An import that cannot go on; the message names the file and position."""


@dataclass
class ImportReport:
    """What an import did; printed by the management command."""

    documents_created: int = 0
    documents_updated: int = 0
    documents_unchanged: int = 0
    articles: int = 0
    pages: int = 0
    pages_unchanged: int = 0
    source_documents_created: int = 0
    relations_created: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


# --------------------------------------------------------------------------- reference data


def document_type_for(*, name: str) -> DocumentType | None:
    """The document type called ``name`` (any case, with or without diacritics),
    created from the reference table (or with a low rank) when missing."""
    clean = normalize(name or "")
    if not clean:
        return None
    key = fold(clean)
    for type_name, code, abbreviation, rank in DOCUMENT_TYPES:
        if fold(type_name) == key:
            obj, _ = DocumentType.objects.get_or_create(
                code=code, defaults={"name": type_name, "abbreviation": abbreviation, "rank": rank}
            )
            return obj
    display = clean[:1].upper() + clean[1:].lower()
    obj, _ = DocumentType.objects.get_or_create(
        code=slugify(fold(display))[:60] or "khac", defaults={"name": display, "rank": 20}
    )
    return obj


def issuing_body_for(*, name: str = "", code: str = "") -> IssuingBody | None:
    """The issuing body called ``name``, or the one a số ký hiệu code stands for ("CP",
    "QH14" -> Quốc hội); created when missing; None when neither is known."""
    clean = normalize(name or "")
    abbreviation = ""
    if not clean and code:
        base = code.rstrip("0123456789")
        clean = ISSUERS.get(base, "")
        abbreviation = base
    if not clean:
        return None
    for known_code, known_name in ISSUERS.items():
        if fold(known_name) == fold(clean):
            clean, abbreviation = known_name, known_code
            break
    obj, _ = IssuingBody.objects.get_or_create(
        code=slugify(fold(clean))[:80], defaults={"name": clean, "abbreviation": abbreviation}
    )
    return obj


def legal_field_for(*, name: str) -> LegalField:
    clean = normalize(name)
    obj, _ = LegalField.objects.get_or_create(
        code=slugify(fold(clean))[:80], defaults={"name": clean}
    )
    return obj


def _issuer_code(number: str) -> str:
    """The issuing body's code in a canonical number: "21/2015/NĐ-CP" -> "CP"."""
    code = number.rsplit("/", 1)[-1]
    parts = code.split("-")
    for part in parts[1:] + parts[:1]:
        if part.rstrip("0123456789") in ISSUERS:
            return part
    return ""


def _type_from_number(number: str) -> str:
    code = number.rsplit("/", 1)[-1].split("-")[0]
    return TYPE_BY_CODE.get(code, "")


# --------------------------------------------------------------------------- documents


def document_eli(*, type_code: str, year: int | None, number: str, title: str) -> str:
    """The stable path of a work: "luat/2012/14-2012-qh13" (no number: a title slug)."""
    ident = slugify(fold(number).replace("/", "-")) if number else slugify(fold(title))[:120]
    return f"{type_code or 'van-ban'}/{year or 'khong-nam'}/{ident or 'khong-ten'}"


def _unique_eli(base: str, *, exclude_pk: int | None = None) -> str:
    candidate, n = base, 1
    while LegalDocument.objects.filter(eli=candidate).exclude(pk=exclude_pk).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _number_fields(number: str) -> tuple[str, str | None]:
    if not number:
        return "", None
    try:
        canonical = str(parse_document_number(number))
    except ValueError:
        raise ValueError(
            f"Số ký hiệu không hợp lệ: “{number[:80]}” (ví dụ 14/2012/QH13 hoặc 766/QĐ-TTg)."
        ) from None
    return canonical, fold(canonical)


def document_find_by_number(number: str) -> LegalDocument | None:
    """The document with this số ký hiệu (any messy spelling), or None."""
    try:
        _canonical, key = _number_fields(number)
    except ValueError:
        return None
    return LegalDocument.objects.filter(number_key=key).first() if key else None


def _search_document_changed(document_ids: Iterable[int]) -> None:
    """Log that documents changed: for search (the document and everything showing its
    facts) and for the exchange feed (the document's new version)."""
    ids = list(dict.fromkeys(document_ids))
    if not ids:
        return
    exchange_publish(type=EXCHANGE_DOCUMENT, local_ids=ids)
    search_changes_record(type=SEARCH_DOCUMENT, ids=ids)
    provisions = Provision.objects.filter(
        document_id__in=ids, version__is_current=True, kind=ProvisionKind.ARTICLE
    ).values_list("id", flat=True)
    search_changes_record(type=SEARCH_PROVISION, ids=provisions)
    articles = PhapDienArticle.objects.filter(source_document_id__in=ids).values_list(
        "id", flat=True
    )
    search_changes_record(type=SEARCH_PHAPDIEN, ids=articles)


@transaction.atomic
def document_create(
    *,
    title: str,
    origin: str,
    number: str = "",
    type_name: str = "",
    issuer_name: str = "",
    signer: str = "",
    issued_on: date | None = None,
    effective_on: date | None = None,
    expires_on: date | None = None,
    source_url: str = "",
    origin_key: str = "",
    fields: Iterable[str] = (),
    user: Any = None,
) -> LegalDocument:
    """Create a document (work). With ``user`` the action is checked ("laws.edit") and
    audited. Raises ValueError for a malformed number or a number already taken."""
    if user is not None:
        require(user, "laws.edit", LEGAL_LIBRARY)
    title = normalize(title)
    if not title:
        raise ValueError("Trích yếu văn bản không được để trống.")
    canonical, key = _number_fields(number)
    if key and LegalDocument.objects.filter(number_key=key).exists():
        raise ValueError(f"Đã có văn bản số {canonical}.")
    doc_type = document_type_for(name=type_name or _type_from_number(canonical))
    issuer = issuing_body_for(name=issuer_name, code=_issuer_code(canonical))
    _check_dates(issued_on=issued_on, effective_on=effective_on, expires_on=expires_on)
    year = issued_on.year if issued_on else _year_of(canonical)
    document = LegalDocument.objects.create(
        number=canonical,
        number_key=key,
        eli=_unique_eli(
            document_eli(
                type_code=doc_type.code if doc_type else "",
                year=year,
                number=canonical,
                title=title,
            )
        ),
        doc_type=doc_type,
        issuer=issuer,
        title=title[:1000],
        signer=normalize(signer)[:200],
        issued_on=issued_on,
        effective_on=effective_on,
        expires_on=expires_on,
        source_url=source_url[:500],
        origin=origin,
        origin_key=origin_key[:300],
    )
    if fields:
        document.fields.set([legal_field_for(name=f) for f in fields])
    exchange_publish(type=EXCHANGE_DOCUMENT, local_ids=[document.pk])
    search_changes_record(type=SEARCH_DOCUMENT, ids=[document.pk])
    if user is not None:
        audit_record(action="laws.document.create", obj=document, actor=user)
    return document


def _year_of(number: str) -> int | None:
    parts = number.split("/")
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None


def _check_dates(*, issued_on, effective_on, expires_on) -> None:
    if issued_on and effective_on and effective_on < issued_on:
        raise ValueError("Ngày có hiệu lực không thể trước ngày ban hành.")
    if effective_on and expires_on and expires_on <= effective_on:
        raise ValueError("Ngày hết hiệu lực phải sau ngày có hiệu lực.")


EDITABLE_FIELDS = (
    "title", "number", "type_name", "issuer_name", "signer", "issued_on", "effective_on",
    "expires_on", "source_url", "fields",
)  # fmt: skip


@transaction.atomic
def document_update(*, document: LegalDocument, user: Any, **changes: Any) -> LegalDocument:
    """Change a document's metadata (checked, audited, re-indexed). Unknown field names
    and bad values raise ValueError; nothing is saved then."""
    require(user, "laws.edit", document)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Không sửa được các trường: {', '.join(sorted(unknown))}")
    document = LegalDocument.objects.select_for_update().get(pk=document.pk)
    before = {
        f: str(getattr(document, f, "")) for f in ("title", "number", "effective_on", "expires_on")
    }
    if "number" in changes:
        canonical, key = _number_fields(changes.pop("number") or "")
        if key and LegalDocument.objects.filter(number_key=key).exclude(pk=document.pk).exists():
            raise ValueError(f"Đã có văn bản số {canonical}.")
        document.number, document.number_key = canonical, key
    if "title" in changes:
        title = normalize(changes.pop("title") or "")
        if not title:
            raise ValueError("Trích yếu văn bản không được để trống.")
        document.title = title[:1000]
    if "type_name" in changes:
        document.doc_type = document_type_for(name=changes.pop("type_name"))
    if "issuer_name" in changes:
        document.issuer = issuing_body_for(name=changes.pop("issuer_name"))
    fields = changes.pop("fields", None)
    for name, value in changes.items():
        setattr(document, name, normalize(value) if isinstance(value, str) else value)
    _check_dates(
        issued_on=document.issued_on,
        effective_on=document.effective_on,
        expires_on=document.expires_on,
    )
    document.save()
    if fields is not None:
        document.fields.set([legal_field_for(name=f) for f in fields])
    _search_document_changed([document.pk])
    audit_record(
        action="laws.document.update",
        obj=document,
        actor=user,
        data={"before": before, "after": {f: str(getattr(document, f, "")) for f in before}},
    )
    return document


@transaction.atomic
def relation_add(
    *,
    source: LegalDocument,
    target: LegalDocument,
    kind: str,
    source_eid: str = "",
    target_eid: str = "",
    effective_on: date | None = None,
    note: str = "",
    user: Any = None,
) -> Relation:
    """Record "source <kind> target" (optionally between provisions) from a date.
    Idempotent for the same (source, target, kind, eids). Raises ValueError for a
    relation of a document to itself or an unknown kind."""
    if user is not None:
        require(user, "laws.edit", target)
    if kind not in RelationKind.values:
        raise ValueError(f"Loại quan hệ không hợp lệ: {kind}")
    if source.pk == target.pk:
        raise ValueError("Một văn bản không thể tác động đến chính nó.")
    relation, created = Relation.objects.get_or_create(
        source=source,
        target=target,
        kind=kind,
        source_eid=source_eid,
        target_eid=target_eid,
        defaults={"effective_on": effective_on, "note": note[:500]},
    )
    if not created and (relation.effective_on, relation.note) != (effective_on, note[:500]):
        relation.effective_on, relation.note = effective_on, note[:500]
        relation.save()
    _search_document_changed([target.pk, source.pk])
    if user is not None:
        audit_record(
            action="laws.relation.add",
            obj=target,
            actor=user,
            data={"source": str(source), "kind": kind, "target_eid": target_eid},
        )
    return relation


# --------------------------------------------------------------------------- versions


def _node_json(node: ProvisionNode) -> list:
    return [node.kind, node.number, node.heading, node.text, [_node_json(c) for c in node.children]]


def _content_hash(preamble: str, nodes: list[ProvisionNode]) -> str:
    payload = json.dumps([preamble, [_node_json(n) for n in nodes]], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _node_size(node: ProvisionNode) -> int:
    return len(node.heading) + len(node.text) + sum(_node_size(c) for c in node.children)


def _paginate(nodes: list[ProvisionNode]) -> dict[int, int]:
    """Page of every node (by ``id(node)``): consecutive units share a page up to
    PAGE_CHARS; a unit larger than that (a long chapter) is split between its children,
    and starts on the page of its first child. Descendants stay on their unit's page."""
    page_of: dict[int, int] = {}
    state = {"page": 1, "size": 0}

    def place(node: ProvisionNode) -> None:
        size = _node_size(node)
        big = size > PAGE_CHARS and node.children and node.kind not in ("khoan", "diem")
        if big and node.kind != "dieu":
            own = len(node.heading) + len(node.text)
            if state["size"] and state["size"] + own > PAGE_CHARS:
                state["page"], state["size"] = state["page"] + 1, 0
            page_of[id(node)] = state["page"]
            state["size"] += own
            for child in node.children:
                place(child)
            return
        if state["size"] and state["size"] + size > PAGE_CHARS:
            state["page"], state["size"] = state["page"] + 1, 0
        _assign(node, state["page"], page_of)
        state["size"] += size

    for node in nodes:
        place(node)
    return page_of


def _assign(node: ProvisionNode, page: int, page_of: dict[int, int]) -> None:
    page_of[id(node)] = page
    for child in node.children:
        _assign(child, page, page_of)


@transaction.atomic
def document_text_save(
    *,
    document: LegalDocument,
    nodes: list[ProvisionNode],
    preamble: str = "",
    valid_from: date | None = None,
    note: str = "",
    language: str = "vi",
) -> tuple[DocumentVersion, bool]:
    """Make ``nodes`` the current text of ``document``.

    The same text as the current version changes nothing (returns it and False);
    another text becomes a new current version (the old one is kept, no longer
    current) and the search index follows. eIds are made unique within the version.
    """
    content_hash = _content_hash(preamble, nodes)
    current = document.versions.filter(language=language, is_current=True).first()
    if current is not None and current.content_hash == content_hash:
        return current, False
    existing = document.versions.filter(language=language, content_hash=content_hash).first()
    old_ids: list[int] = []
    if current is not None:
        old_ids = list(
            current.provisions.filter(kind__in=_indexed_kinds(current)).values_list("id", flat=True)
        )
        current.is_current = False
        current.save(update_fields=["is_current", "updated_at"])
    if existing is not None:  # back to an earlier text
        existing.is_current = True
        existing.save(update_fields=["is_current", "updated_at"])
        version = existing
    else:
        page_of = _paginate(nodes)
        version = DocumentVersion.objects.create(
            document=document,
            valid_from=valid_from,
            language=language,
            preamble=preamble,
            content_hash=content_hash,
            is_current=True,
            page_count=max(page_of.values(), default=1),
            note=note[:300],
        )
        _provisions_create(version=version, nodes=nodes, page_of=page_of)
    search_changes_record(type=SEARCH_PROVISION, ids=old_ids, op="delete")
    search_changes_record(
        type=SEARCH_PROVISION,
        ids=version.provisions.filter(kind__in=_indexed_kinds(version)).values_list(
            "id", flat=True
        ),
    )
    search_changes_record(type=SEARCH_DOCUMENT, ids=[document.pk])
    # The exchange: every provision of the old and the new text (gone ones get tombstones,
    # unchanged ones no new version).
    eids = set(Provision.objects.filter(pk__in=old_ids).values_list("eid", flat=True))
    eids |= set(
        version.provisions.filter(kind__in=_indexed_kinds(version)).values_list("eid", flat=True)
    )
    exchange_publish(
        type=EXCHANGE_PROVISION,
        local_ids=[provision_local_id(document.pk, eid) for eid in sorted(eids)],
    )
    return version, True


def _indexed_kinds(version: DocumentVersion) -> list[str]:
    """Articles are the unit of search; a text without articles is searched by its
    top-level units."""
    if version.provisions.filter(kind=ProvisionKind.ARTICLE).exists():
        return [ProvisionKind.ARTICLE]
    return list(version.provisions.filter(depth=0).values_list("kind", flat=True).distinct())


def _provisions_create(
    *, version: DocumentVersion, nodes: list[ProvisionNode], page_of: dict[int, int]
) -> None:
    seen_eids: set[str] = set()
    seen_anchors: set[str] = set()
    position = 0
    level: list[tuple[ProvisionNode, int, Provision | None, int]] = [
        (node, 0, None, page_of[id(node)]) for node in nodes
    ]
    # Breadth-first by depth so parents have primary keys before their children;
    # positions are assigned in document order first.
    order: dict[int, int] = {}

    def number_nodes(items: list[ProvisionNode]) -> None:
        nonlocal position
        for item in items:
            position += 1
            order[id(item)] = position
            number_nodes(item.children)

    number_nodes(nodes)
    while level:
        rows = []
        for node, depth, parent, page in level:
            eid = _unique(node.eid or f"{node.kind}_{node.number}", seen_eids, "_")
            anchor = _unique(
                node.anchor or eid.replace("__", "-").replace("_", "-"), seen_anchors, "-"
            )
            rows.append(
                Provision(
                    version=version,
                    document_id=version.document_id,
                    parent=parent,
                    kind=node.kind,
                    number=node.number[:20],
                    eid=eid[:200],
                    anchor=anchor[:200],
                    heading=node.heading,
                    text=node.text,
                    position=order[id(node)],
                    depth=depth,
                    page=page,
                )
            )
        created = Provision.objects.bulk_create(rows, batch_size=1000)
        next_level = []
        for (node, depth, _parent, _page), row in zip(level, created, strict=True):
            next_level.extend(
                (child, depth + 1, row, page_of[id(child)]) for child in node.children
            )
        level = next_level


def _unique(value: str, seen: set[str], sep: str) -> str:
    candidate, n = value, 1
    while candidate in seen:
        n += 1
        candidate = f"{value}{sep}{n}"
    seen.add(candidate)
    return candidate


# --------------------------------------------------------------------------- ALQAC


def _type_of_title(title: str) -> str:
    folded = fold(title)
    for type_name, *_rest in DOCUMENT_TYPES:
        if folded.startswith(fold(type_name)):
            return type_name
    return ""


def document_import_alqac(
    *, path: str | Path, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Import ALQAC ``law.json``: one document per law (keyed by its title), one Điều per
    article with its number. Idempotent; one transaction per law; a malformed file or law
    raises LawsImportError naming the file and the law/article position, and stores
    nothing of that law."""
    path = Path(path)
    try:
        laws = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LawsImportError(f"{path}: không tìm thấy tệp.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LawsImportError(f"{path}: không phải JSON hợp lệ ({exc}).") from None
    if not isinstance(laws, list):
        raise LawsImportError(f"{path}: cần một danh sách luật ở gốc tệp.")
    report = ImportReport()
    for index, law in enumerate(laws, start=1):
        where = f"{path.name}, luật thứ {index}"
        if not isinstance(law, dict) or not isinstance(law.get("id"), str) or not law["id"].strip():
            raise LawsImportError(f'{where}: thiếu tên luật (trường "id").')
        articles = law.get("articles")
        if not isinstance(articles, list):
            raise LawsImportError(f'{where} ({law["id"]}): thiếu danh sách điều ("articles").')
        nodes = []
        for a_index, article in enumerate(articles, start=1):
            if (
                not isinstance(article, dict)
                or not str(article.get("id", "")).strip()
                or not isinstance(article.get("text"), str)
            ):
                raise LawsImportError(
                    f'{where} ({law["id"]}), điều thứ {a_index}: thiếu "id" hoặc "text".'
                )
            nodes.append(
                structure_parse_article(number=str(article["id"]).strip(), text=article["text"])
            )
        _alqac_law_save(law_title=law["id"], nodes=nodes, report=report)
        report.articles += len(nodes)
        if progress:
            progress(1)
    return report


@transaction.atomic
def _alqac_law_save(*, law_title: str, nodes: list[ProvisionNode], report: ImportReport) -> None:
    title = normalize(law_title)
    document = LegalDocument.objects.filter(origin=DocumentOrigin.ALQAC, origin_key=title).first()
    if document is None:
        document = document_create(
            title=title,
            origin=DocumentOrigin.ALQAC,
            origin_key=title,
            type_name=_type_of_title(title),
        )
        report.documents_created += 1
    _version, changed = document_text_save(document=document, nodes=nodes, note="ALQAC 2024")
    if not changed:
        report.documents_unchanged += 1
    elif report.documents_created == 0 or document.versions.count() > 1:
        report.documents_updated += 1


# --------------------------------------------------------------------------- Bộ pháp điển


class _SourceDocuments:
    """Source documents of Pháp điển citations, matched or created by number (or by
    vbpl.vn ItemID when the citation has no number), cached for the whole import."""

    def __init__(self, report: ImportReport):
        self.report = report
        self.by_key: dict[str, int] = dict(
            LegalDocument.objects.exclude(number_key=None).values_list("number_key", "id")
        )
        self.by_item: dict[str, int] = {
            key.removeprefix("vbpl:"): pk
            for key, pk in LegalDocument.objects.filter(origin_key__startswith="vbpl:").values_list(
                "origin_key", "id"
            )
        }
        self.dirty: set[int] = set()
        self.cache: dict[int, dict] = {}

    def resolve(self, citation: Citation | None) -> int | None:
        if citation is None:
            return None
        number = citation.document_number
        key = fold(number) if number else None
        pk = self.by_key.get(key) if key else None
        if pk is None and citation.vbpl_item_id and not number:
            pk = self.by_item.get(citation.vbpl_item_id)
        if pk is None:
            if not number and not (citation.vbpl_item_id and citation.document_type):
                return None
            pk = self._create(citation)
        else:
            self._complete(pk, citation)
        return pk

    def _create(self, citation: Citation) -> int:
        number = citation.document_number
        type_name = citation.document_type or _type_from_number(number)
        title = citation.document_title or ""
        if not title:
            title = f"{type_name} {number}".strip() if number else type_name
        origin_key = f"vbpl:{citation.vbpl_item_id}" if citation.vbpl_item_id else ""
        if origin_key and citation.vbpl_item_id in self.by_item:
            origin_key = ""
        try:
            with transaction.atomic():
                document = document_create(
                    title=title,
                    origin=DocumentOrigin.PHAPDIEN,
                    number=number,
                    type_name=type_name,
                    issuer_name=citation.issuer,
                    issued_on=citation.issued_on,
                    effective_on=_effective(citation),
                    source_url=_document_url(citation.url),
                    origin_key=origin_key,
                )
        except (ValueError, IntegrityError):
            # A number that does not parse: keep the article, without a source link.
            return None
        self.report.source_documents_created += 1
        self.cache.pop(document.pk, None)
        if document.number_key:
            self.by_key[document.number_key] = document.pk
        if origin_key:
            self.by_item[citation.vbpl_item_id] = document.pk
        return document.pk

    def _facts(self, pk: int) -> dict:
        facts = self.cache.get(pk)
        if facts is None:
            document = LegalDocument.objects.select_related("doc_type").get(pk=pk)
            facts = self.cache[pk] = {
                "title": document.title,
                "issued_on": document.issued_on,
                "effective_on": document.effective_on,
                "issuer_id": document.issuer_id,
                "source_url": document.source_url,
                "origin": document.origin,
                "generic": f"{document.doc_type.name if document.doc_type else ''} "
                f"{document.number}".strip(),
                "number": document.number,
            }
        return facts

    def _complete(self, pk: int, citation: Citation) -> None:
        """Fill blanks of a known document from a fuller citation; never overwrite
        (the effective date may move earlier: the document's first article in force)."""
        facts = self._facts(pk)
        changes: dict[str, Any] = {}
        if citation.document_title and facts["title"] in ("", facts["generic"], facts["number"]):
            changes["title"] = normalize(citation.document_title)[:1000]
        if citation.issued_on and not facts["issued_on"]:
            changes["issued_on"] = citation.issued_on
        effective = _effective(citation)
        issued = changes.get("issued_on") or facts["issued_on"]
        if (
            effective
            and facts["origin"] == DocumentOrigin.PHAPDIEN
            and (facts["effective_on"] is None or effective < facts["effective_on"])
            and (not issued or effective >= issued)
        ):
            changes["effective_on"] = effective
        if citation.issuer and facts["issuer_id"] is None:
            issuer = issuing_body_for(name=citation.issuer)
            if issuer is not None:
                changes["issuer_id"] = issuer.pk
        if not facts["source_url"] and citation.url:
            changes["source_url"] = _document_url(citation.url)
        if changes:
            LegalDocument.objects.filter(pk=pk).update(**changes, updated_at=timezone.now())
            facts.update(changes)
            self.dirty.add(pk)


def _effective(citation: Citation) -> date | None:
    if citation.effective_on and citation.issued_on and citation.effective_on < citation.issued_on:
        return None
    return citation.effective_on


def _document_url(url: str) -> str:
    return url.split("#", 1)[0][:500] if url else ""


_ANCHOR_SAFE_RE = re.compile(r"[^a-z0-9]+")


def phapdien_anchor(code: str) -> str:
    """The HTML fragment of a Pháp điển article: "41.2.NĐ.1" -> "dieu-41-2-nd-1"."""
    return "dieu-" + _ANCHOR_SAFE_RE.sub("-", fold(code)).strip("-")


def document_import_phapdien(
    *, path: str | Path, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Import the Bộ pháp điển: a folder of đề mục pages or the ``.tar.xz``.

    Each page is one transaction: its chủ đề, đề mục and articles, each article linked to
    the source document its citation names (matched by number, else created). A page
    whose content did not change is skipped, so a second run changes nothing. A page that
    does not parse is reported (file and position) and nothing of it is stored; the other
    pages go on. Raises LawsImportError when the path cannot be read at all.
    """
    report = ImportReport()
    sources = _SourceDocuments(report)
    try:
        pages = phapdien_iter_pages(path)
        for name, html in pages:
            try:
                page = phapdien_parse_page(html, source=name)
            except ParseError as exc:
                report.errors.append(str(exc))
                continue
            _phapdien_page_save(page=page, sources=sources, report=report)
            report.pages += 1
            if progress:
                progress(1)
    except ParseError as exc:
        raise LawsImportError(str(exc)) from None
    if sources.dirty:
        with transaction.atomic():
            _search_document_changed(sources.dirty)
    return report


def _page_hash(page) -> str:
    # PAGE_CHARS is part of the stored layout: changing it re-imports every page.
    payload = [PAGE_CHARS, page.subject_number, page.name]
    for a in page.articles:
        c = a.citation
        payload.append(
            [
                a.code,
                a.heading,
                a.chapter,
                a.body,
                a.related,
                c.text if c else "",
                c.url if c else "",
            ]
        )
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


def _subject_sort_key(number: str) -> int:
    major, _, minor = number.partition(".")
    try:
        return int(major) * 1000 + int(minor or 0)
    except ValueError:
        return 0


@transaction.atomic
def _phapdien_page_save(*, page, sources: _SourceDocuments, report: ImportReport) -> None:
    content_hash = _page_hash(page)
    subject = PhapDienSubject.objects.filter(source_uuid=page.uuid).first()
    if subject is not None and subject.content_hash == content_hash:
        report.pages_unchanged += 1
        report.articles += len(page.articles)
        return
    topic, _ = PhapDienTopic.objects.get_or_create(
        number=page.topic_number,
        defaults={"name": TOPIC_NAMES.get(page.topic_number, f"Chủ đề {page.topic_number}")},
    )
    sizes, pages, current_page, size = [], [], 1, 0
    for article in page.articles:
        citation = article.citation
        article_size = (
            len(article.body)
            + len(article.heading)
            + sum(map(len, article.related))
            + (len(citation.text) if citation else 0)
            + 300
        )
        if size and size + article_size > PAGE_CHARS:
            current_page, size = current_page + 1, 0
        size += article_size
        pages.append(current_page)
        sizes.append(article_size)
    fields = {
        "topic": topic,
        "number": page.subject_number,
        "name": page.name,
        "sort_key": _subject_sort_key(page.subject_number),
        "content_hash": content_hash,
        "page_count": max(pages, default=1),
    }
    if subject is None:
        slug, n = page.subject_number, 1
        while PhapDienSubject.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{page.subject_number}-{n}"
        subject = PhapDienSubject.objects.create(source_uuid=page.uuid, slug=slug, **fields)
    else:
        for key, value in fields.items():
            setattr(subject, key, value)
        subject.save()
    existing = {a.position: a for a in subject.articles.all()}
    anchors: set[str] = set()
    to_create, to_update, changed_ids = [], [], []
    for article, page_no in zip(page.articles, pages, strict=True):
        citation = article.citation
        values = {
            "code": article.code[:40],
            "source_anchor": article.anchor[:60],
            "anchor": _unique(phapdien_anchor(article.code), anchors, "-")[:80],
            "page": page_no,
            "heading": article.heading[:1000],
            "chapter": article.chapter[:1000],
            "body": article.body,
            "citation_text": citation.text if citation else "",
            "citation_url": (citation.url if citation else "")[:500],
            "source_document_id": sources.resolve(citation),
            "source_article": (citation.article_number if citation else "")[:20],
            "source_clause": (citation.clause_number if citation else "")[:20],
            "source_effective_on": citation.effective_on if citation else None,
            "related": article.related,
        }
        row = existing.pop(article.position, None)
        if row is None:
            to_create.append(PhapDienArticle(subject=subject, position=article.position, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            to_update.append(row)
            changed_ids.append(row.pk)
    removed = [row.pk for row in existing.values()]
    PhapDienArticle.objects.filter(pk__in=removed).delete()
    created = PhapDienArticle.objects.bulk_create(to_create, batch_size=1000)
    if to_update:
        PhapDienArticle.objects.bulk_update(
            to_update,
            ["code", "source_anchor", "anchor", "page", "heading", "chapter", "body",
             "citation_text", "citation_url", "source_document", "source_article",
             "source_clause", "source_effective_on", "related"],
            batch_size=500,
        )  # fmt: skip
    search_changes_record(type=SEARCH_PHAPDIEN, ids=removed, op="delete")
    search_changes_record(type=SEARCH_PHAPDIEN, ids=[a.pk for a in created] + changed_ids)
    # Unchanged articles are left alone by the exchange (same hash, no new version).
    exchange_publish(
        type=EXCHANGE_PHAPDIEN, local_ids=removed + [a.pk for a in created] + changed_ids
    )
    _phapdien_relations_save(page=page, sources=sources, report=report)
    report.articles += len(page.articles)


def _phapdien_relations_save(*, page, sources: _SourceDocuments, report: ImportReport) -> None:
    """Relations the citations print: "Điều 2 Thông tư 35/2012/TT-BGTVT …, có nội dung
    được sửa đổi, bổ sung bởi Điều 1 Thông tư 49/2018/TT-BGTVT" gives "49/2018 amends
    Điều 2 of 35/2012 from 01/01/2019"; "bị bãi bỏ" gives a repeal of that article.
    Inserted in bulk, skipping ones already stored; documents whose relations changed are
    re-indexed once at the end of the import."""
    rows = []
    for article in page.articles:
        citation = article.citation
        if citation is None or not citation.changed_by:
            continue
        target = sources.resolve(citation)
        if target is None:
            continue
        note = fold(citation.change_note)
        kind = (
            RelationKind.REPEALS
            if "bai bo" in note and "sua doi" not in note
            else RelationKind.AMENDS
        )
        target_eid = f"dieu_{slug_eid(citation.article_number)}" if citation.article_number else ""
        for change in citation.changed_by:
            source = sources.resolve(change)
            if source is None or source == target:
                continue
            source_eid = f"dieu_{slug_eid(change.article_number)}" if change.article_number else ""
            if change.clause_number:
                source_eid += f"__khoan_{slug_eid(change.clause_number)}"
            rows.append(
                Relation(
                    source_id=source,
                    target_id=target,
                    kind=kind,
                    source_eid=source_eid[:200],
                    target_eid=target_eid[:200],
                    effective_on=change.effective_on,
                    note=citation.change_note[:500],
                )
            )
    if not rows:
        return
    before = Relation.objects.count()
    Relation.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    if Relation.objects.count() != before:
        for row in rows:
            sources.dirty.update((row.source_id, row.target_id))
        report.relations_created += Relation.objects.count() - before


def slug_eid(number: str) -> str:
    """An article/clause number as used in eIds: "5a" -> "5a", "41.2.NĐ.1" -> "41-2-nd-1"."""
    return _ANCHOR_SAFE_RE.sub("-", fold(number)).strip("-")


# --------------------------------------------------------------------------- uploads


@transaction.atomic
def document_upload_save(
    *,
    user: Any,
    parsed: ParsedDocument,
    title: str = "",
    number: str = "",
    type_name: str = "",
    issuer_name: str = "",
    signer: str = "",
    issued_on: date | None = None,
    effective_on: date | None = None,
    expires_on: date | None = None,
    source_url: str = "",
    fields: Iterable[str] = (),
    document: LegalDocument | None = None,
) -> tuple[LegalDocument, bool]:
    """Save a reviewed upload: a new document, or a new text of ``document`` (or of the
    document with the same number). Metadata given here overrides what the parser read.
    Checked ("laws.edit") and audited. Returns (document, whether the text changed)."""
    require(user, "laws.edit", LEGAL_LIBRARY)
    number = number or parsed.number
    if document is None and number:
        document = document_find_by_number(number)
    if document is None:
        document = document_create(
            title=title or parsed.title,
            origin=DocumentOrigin.UPLOAD,
            number=number,
            type_name=type_name or parsed.document_type,
            issuer_name=issuer_name or parsed.issuer,
            signer=signer or parsed.signer,
            issued_on=issued_on or parsed.issued_on,
            effective_on=effective_on,
            expires_on=expires_on,
            source_url=source_url,
            fields=fields,
            user=user,
        )
    else:
        require(user, "laws.edit", document)
    _version, changed = document_text_save(
        document=document,
        nodes=parsed.provisions,
        preamble=parsed.preamble,
        valid_from=effective_on or document.effective_on,
        note="Tải lên",
    )
    audit_record(
        action="laws.document.upload",
        obj=document,
        actor=user,
        data={"provisions": sum(1 for _ in _walk(parsed.provisions)), "changed": changed},
    )
    return document, changed


def _walk(nodes: list[ProvisionNode]):
    for node in nodes:
        yield node
        yield from _walk(node.children)
