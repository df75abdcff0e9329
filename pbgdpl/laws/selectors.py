"""Reads of the legal library: documents by ELI or number, status at a date, the
provision tree, relations both ways, Pháp điển browsing, and the URLs of all of these."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.text import fold

from .models import (
    DocumentVersion,
    LegalDocument,
    PhapDienArticle,
    PhapDienSubject,
    PhapDienTopic,
    Provision,
    Relation,
    RelationKind,
)
from .status import Event, StatusAt, force_window, status_at

ENDING_KINDS = (RelationKind.REPLACES, RelationKind.REPEALS, RelationKind.AMENDS)


# --------------------------------------------------------------------------- documents


def document_url(document: LegalDocument) -> str:
    return reverse("laws:document", kwargs={"eli": document.eli})


def document_uri(document: LegalDocument) -> str:
    """The stable URI path of the work: ``/eli/vn/<type>/<year>/<number>``."""
    return f"/eli/vn/{document.eli}"


def provision_url(*, document_url_path: str, anchor: str, page: int, page_count: int) -> str:
    """Where a provision is shown: its page of the document view and its fragment."""
    page_part = f"?trang={page}" if page_count > 1 and page > 1 else ""
    return f"{document_url_path}{page_part}#{anchor}"


def document_get_by_eli(eli: str) -> LegalDocument | None:
    return (
        LegalDocument.objects.select_related("doc_type", "issuer")
        .prefetch_related("fields")
        .filter(eli=eli.strip("/"))
        .first()
    )


def document_events(document: LegalDocument) -> list[Event]:
    """Incoming relations that change the document's force, dated (a relation without
    a date takes the acting document's effective date)."""
    events = []
    for relation in (
        Relation.objects.filter(target=document, kind__in=ENDING_KINDS)
        .select_related("source")
        .order_by("effective_on", "id")
    ):
        events.append(
            Event(
                kind=relation.kind,
                on=relation.effective_on or relation.source.effective_on,
                whole=not relation.target_eid,
                source=str(relation.source.number or relation.source.title),
            )
        )
    return events


def document_status(document: LegalDocument, *, on: date | None = None) -> StatusAt:
    """The document's status in force on ``on`` (today by default)."""
    return status_at(
        on=on or timezone.localdate(),
        effective_on=document.effective_on,
        expires_on=document.expires_on,
        events=document_events(document),
    )


def document_force_window(document: LegalDocument) -> tuple[date | None, date | None]:
    return force_window(
        effective_on=document.effective_on,
        expires_on=document.expires_on,
        events=document_events(document),
    )


def document_current_version(
    document: LegalDocument, *, language: str = "vi"
) -> DocumentVersion | None:
    return document.versions.filter(language=language, is_current=True).first()


def document_version_on(
    document: LegalDocument, *, on: date, language: str = "vi"
) -> DocumentVersion | None:
    """The text that applied on ``on``: the latest version valid from that day or before
    (a version without a date counts as the oldest)."""
    versions = document.versions.filter(language=language)
    dated = versions.filter(valid_from__lte=on).order_by("-valid_from", "-id").first()
    return dated or versions.filter(valid_from__isnull=True).order_by("-id").first()


@dataclass
class TocEntry:
    label: str
    heading: str
    anchor: str
    page: int
    depth: int
    kind: str


def version_provisions_page(version: DocumentVersion, *, page: int) -> list[Provision]:
    """The provisions shown on one page of the document view, in document order."""
    return list(version.provisions.filter(page=page).order_by("position"))


def document_relations(document: LegalDocument) -> dict[str, list[Relation]]:
    """Relations both ways: what this document does to others, what others do to it."""
    outgoing = list(
        Relation.objects.filter(source=document).select_related("target", "target__doc_type")
    )
    incoming = list(
        Relation.objects.filter(target=document).select_related("source", "source__doc_type")
    )
    return {"outgoing": outgoing, "incoming": incoming}


def document_citing_articles(document: LegalDocument) -> QuerySet[PhapDienArticle]:
    """Pháp điển articles that cite this document, by cited article number."""
    return (
        PhapDienArticle.objects.filter(source_document=document)
        .select_related("subject")
        .order_by("subject__sort_key", "position")
    )


def document_list(
    *, q: str = "", doc_type: str = "", year: int | None = None
) -> QuerySet[LegalDocument]:
    qs = LegalDocument.objects.select_related("doc_type", "issuer")
    if doc_type:
        qs = qs.filter(doc_type__code=doc_type)
    if year:
        qs = qs.filter(Q(issued_on__year=year))
    return qs


# --------------------------------------------------------------------------- Pháp điển


def phapdien_topics() -> QuerySet[PhapDienTopic]:
    return PhapDienTopic.objects.annotate(subject_count=Count("subjects")).order_by("number")


def phapdien_topic_get(number: int) -> PhapDienTopic | None:
    return (
        PhapDienTopic.objects.filter(number=number)
        .prefetch_related(
            Prefetch(
                "subjects",
                queryset=PhapDienSubject.objects.annotate(article_count=Count("articles")),
            )
        )
        .first()
    )


def phapdien_subject_get(slug: str) -> PhapDienSubject | None:
    """The đề mục at ``/phap-dien/de-muc/<slug>/`` (its number, "44.6-2" for a reused one)."""
    return PhapDienSubject.objects.select_related("topic").filter(slug=slug).first()


def phapdien_subject_articles(
    subject: PhapDienSubject, *, page: int | None = None
) -> QuerySet[PhapDienArticle]:
    qs = subject.articles.select_related("source_document").order_by("position")
    return qs.filter(page=page) if page else qs


def phapdien_subject_url(subject: PhapDienSubject) -> str:
    return reverse("laws:phapdien-subject", kwargs={"number": subject.slug})


def phapdien_article_url(
    article: PhapDienArticle, subject: PhapDienSubject, *, base: str | None = None
) -> str:
    """Where an article is shown: its page of the đề mục view and its fragment
    (``base``: the đề mục URL when the caller already has it)."""
    base = base or phapdien_subject_url(subject)
    page_part = f"?trang={article.page}" if subject.page_count > 1 and article.page > 1 else ""
    return f"{base}{page_part}#{article.anchor}"


def phapdien_source_provision(article: PhapDienArticle) -> Provision | None:
    """The provision of the source document's current text that the article cites."""
    if not article.source_document_id or not article.source_article:
        return None
    return (
        Provision.objects.filter(
            document_id=article.source_document_id,
            version__is_current=True,
            kind="dieu",
            number=article.source_article,
        )
        .select_related("version")
        .first()
    )


# --------------------------------------------------------------------------- public pages
# Read helpers of the public HTML pages (laws/views.py): one query each, never one per row.


def document_browse(
    *, doc_type: str = "", year: int | None = None, status: str = "", on: date | None = None
) -> QuerySet[LegalDocument]:
    """Documents for the browse page, newest first. ``status`` filters by the document's
    own dates only (effective_on/expires_on), not by relations: cheap for any number of
    documents; the document page shows the full status."""
    day = on or timezone.localdate()
    qs = document_list(doc_type=doc_type, year=year).order_by("-issued_on", "-pk")
    if status == "con_hieu_luc":
        qs = qs.filter(effective_on__lte=day).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gt=day)
        )
    elif status == "het_hieu_luc":
        qs = qs.filter(expires_on__lte=day)
    elif status == "chua_hieu_luc":
        qs = qs.filter(effective_on__gt=day)
    elif status == "khong_xac_dinh":
        qs = qs.filter(effective_on__isnull=True).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gt=day)
        )
    return qs


def document_browse_choices() -> dict[str, list]:
    """Filter choices of the browse page: document types ``(code, name)`` and the years
    documents were issued in (newest first)."""
    from .models import DocumentType

    return {
        "types": list(DocumentType.objects.order_by("rank", "name").values_list("code", "name")),
        "years": [d.year for d in LegalDocument.objects.dates("issued_on", "year", order="DESC")],
    }


def provision_urls_by_eid(pairs: list[tuple[int, str]]) -> dict[tuple[int, str], str]:
    """Where each (document id, eId) is shown in its document's current text:
    ``{(document_id, eid): url}``; pairs without such a provision are left out."""
    pairs = [(d, e) for d, e in pairs if d and e]
    if not pairs:
        return {}
    rows = (
        Provision.objects.filter(
            document_id__in={d for d, _ in pairs},
            eid__in={e for _, e in pairs},
            version__is_current=True,
        )
        .select_related("document", "version")
        .only("document_id", "eid", "anchor", "page", "version__page_count", "document__eli")
    )
    wanted = set(pairs)
    out = {}
    for row in rows:
        key = (row.document_id, row.eid)
        if key in wanted:
            out[key] = provision_url(
                document_url_path=document_url(row.document),
                anchor=row.anchor,
                page=row.page,
                page_count=row.version.page_count,
            )
    return out


def document_article_urls(
    pairs: list[tuple[int, str]],
) -> tuple[set[int], dict[tuple[int, str], str]]:
    """For Pháp điển source links: which of the documents have a text here, and where each
    cited (document id, article number) is shown: ``({document ids with text},
    {(document_id, number): url})``. Two queries whatever the number of pairs."""
    ids = {d for d, _ in pairs if d}
    if not ids:
        return set(), {}
    with_text = set(
        DocumentVersion.objects.filter(document_id__in=ids, is_current=True).values_list(
            "document_id", flat=True
        )
    )
    numbers = {n for d, n in pairs if d in with_text and n}
    out: dict[tuple[int, str], str] = {}
    if numbers:
        rows = (
            Provision.objects.filter(
                document_id__in=with_text, kind="dieu", number__in=numbers, version__is_current=True
            )
            .select_related("document", "version")
            .only("document_id", "number", "anchor", "page", "version__page_count", "document__eli")
            .order_by("position")
        )
        for row in rows:
            out.setdefault(
                (row.document_id, row.number),
                provision_url(
                    document_url_path=document_url(row.document),
                    anchor=row.anchor,
                    page=row.page,
                    page_count=row.version.page_count,
                ),
            )
    return with_text, out


def version_article_location(version: DocumentVersion, *, number: str) -> Provision | None:
    """The Điều numbered ``number`` in ``version`` (for "go to article")."""
    return version.provisions.filter(kind="dieu", number=number).only("anchor", "page").first()


def phapdien_subject_toc(subject: PhapDienSubject) -> list[dict]:
    """Every article of a đề mục, light (code, heading, anchor, page, chapter), in order."""
    return list(
        subject.articles.order_by("position").values("code", "heading", "anchor", "page", "chapter")
    )


def phapdien_topic_article_counts() -> dict[int, int]:
    """Number of Pháp điển articles per chủ đề number (one grouped query)."""
    return dict(
        PhapDienArticle.objects.values_list("subject__topic__number")
        .annotate(n=Count("id"))
        .values_list("subject__topic__number", "n")
    )


def phapdien_article_urls_by_code(codes: list[str]) -> dict[str, str]:
    """Where each Pháp điển article code is shown (the first article with that code:
    a few codes repeat in the official data): ``{code: url}``."""
    codes = {c for c in codes if c}
    if not codes:
        return {}
    rows = (
        PhapDienArticle.objects.filter(code__in=codes)
        .select_related("subject")
        .only("code", "anchor", "page", "subject__slug", "subject__page_count")
        .order_by("subject__sort_key", "position")
    )
    out: dict[str, str] = {}
    for row in rows:
        out.setdefault(row.code, phapdien_article_url(row, row.subject))
    return out


def version_outline(version: DocumentVersion) -> list[TocEntry]:
    """Table of contents: every unit down to Điều, in document order, in one query
    (values only: reading model rows through ``version.provisions.only(...)`` costs one
    extra query per row to attach the version)."""
    from .models import ProvisionKind

    kinds = ["phan", "chuong", "muc", "tieu_muc", "dieu"]
    rows = (
        Provision.objects.filter(version_id=version.pk, kind__in=kinds)
        .order_by("position")
        .values_list("kind", "number", "heading", "anchor", "page", "depth")
    )
    labels = dict(ProvisionKind.choices)
    return [
        TocEntry(
            label=f"{labels.get(kind, kind)} {number}".strip(),
            heading=heading,
            anchor=anchor,
            page=page,
            depth=depth,
            kind=kind,
        )
        for kind, number, heading, anchor, page, depth in rows
    ]


# --------------------------------------------------------------------------- citations


@dataclass(frozen=True)
class CitationLink:
    """A citation as shown: its label, and links when the library holds the text."""

    number: str
    title: str
    article: str
    detail: str
    document_url: str = ""
    article_url: str = ""

    @property
    def label(self) -> str:
        parts = []
        if self.detail:
            parts.append(self.detail)
        if self.article:
            parts.append(f"Điều {self.article}")
        where = ", ".join(parts)
        name = f"{self.title} số {self.number}" if self.title else f"Văn bản số {self.number}"
        return f"{where} {name}".strip() if where else name


def citation_links(rows: list) -> list[CitationLink]:
    """Resolve citation rows (anything with ``number``, ``title``, ``article`` and ``detail``:
    the portal's page citations, the Q&A's answer citations) against the library: document
    by số ký hiệu, article by number. Three queries whatever the number of rows."""
    keys = {fold(row.number): row for row in rows if row.number}
    documents = {
        doc.number_key: doc
        for doc in LegalDocument.objects.filter(number_key__in=list(keys)).only(
            "id", "number", "number_key", "title", "eli"
        )
    }
    pairs = []
    for row in rows:
        doc = documents.get(fold(row.number))
        if doc is not None and row.article:
            pairs.append((doc.id, row.article))
    _with_text, article_urls = document_article_urls(pairs)
    out = []
    for row in rows:
        doc = documents.get(fold(row.number))
        out.append(
            CitationLink(
                number=doc.number if doc else row.number,
                title=row.title or (doc.title if doc else ""),
                article=row.article,
                detail=row.detail,
                document_url=document_url(doc) if doc else "",
                article_url=article_urls.get((doc.id, row.article), "") if doc else "",
            )
        )
    return out
