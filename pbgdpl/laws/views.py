"""Public pages of the legal library: a document (metadata, status at a date, table of
contents, paged text with deep links, relations, Pháp điển articles citing it), the list
of documents, and the Bộ pháp điển (chủ đề → đề mục → articles). Thin: selectors read,
this module only shapes what the templates show."""

import re
from datetime import date

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.search.views import pager_build, query_string

from . import selectors
from .models import ProvisionKind, RelationKind
from .status import status_at

LIST_PAGE_SIZE = 30
CITING_PAGE_SIZE = 100
STRUCTURE_KINDS = ("phan", "chuong", "muc", "tieu_muc")
STATUS_FILTERS = (
    ("", gettext_lazy("Mọi tình trạng")),
    ("con_hieu_luc", gettext_lazy("Còn hiệu lực")),
    ("het_hieu_luc", gettext_lazy("Hết hiệu lực")),
    ("chua_hieu_luc", gettext_lazy("Chưa có hiệu lực")),
    ("khong_xac_dinh", gettext_lazy("Chưa xác định")),
)
# What a relation says, seen from the acting document and from the affected one.
RELATION_OUT = {
    RelationKind.AMENDS: gettext_lazy("Sửa đổi, bổ sung"),
    RelationKind.REPLACES: gettext_lazy("Thay thế"),
    RelationKind.REPEALS: gettext_lazy("Bãi bỏ"),
    RelationKind.GUIDES: gettext_lazy("Hướng dẫn"),
    RelationKind.CONSOLIDATES: gettext_lazy("Hợp nhất"),
    RelationKind.BASED_ON: gettext_lazy("Căn cứ vào"),
    RelationKind.REFERENCES: gettext_lazy("Dẫn chiếu đến"),
}
RELATION_IN = {
    RelationKind.AMENDS: gettext_lazy("Bị sửa đổi, bổ sung bởi"),
    RelationKind.REPLACES: gettext_lazy("Bị thay thế bởi"),
    RelationKind.REPEALS: gettext_lazy("Bị bãi bỏ bởi"),
    RelationKind.GUIDES: gettext_lazy("Được hướng dẫn bởi"),
    RelationKind.CONSOLIDATES: gettext_lazy("Được hợp nhất bởi"),
    RelationKind.BASED_ON: gettext_lazy("Là căn cứ ban hành của"),
    RelationKind.REFERENCES: gettext_lazy("Được dẫn chiếu bởi"),
}
PROVISION_WORDS = {
    "phan": gettext_lazy("Phần"),
    "chuong": gettext_lazy("Chương"),
    "muc": gettext_lazy("Mục"),
    "tieu_muc": gettext_lazy("Tiểu mục"),
    "dieu": gettext_lazy("Điều"),
    "khoan": gettext_lazy("khoản"),
    "diem": gettext_lazy("điểm"),
}
_DMY_RE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_LEADING_NUMBER_RE = re.compile(r"^(\d+)(.*)$")
# A Pháp điển article code in a related-article note: "Điều 45.12.NĐ.3. Nguyên tắc …",
# "… liên quan đến Điều 37.1.LQ.1)".
_RELATED_CODE_RE = re.compile(r"Điều\s+(\d+\.\d+\.[^\s.;,)]+(?:\.[^\s.;,)]+)*)")


# --------------------------------------------------------------------------- helpers


def parse_day(raw: str) -> date | None:
    """A date typed as 2024-07-01 (the date field) or 01/07/2024; None when it is not one."""
    raw = (raw or "").strip()
    match = _DMY_RE.match(raw)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return date.fromisoformat(raw)
    except ValueError:
        return None
    return None


def page_param(request: HttpRequest, page_count: int) -> int:
    """The ``trang`` asked for; 404 for a page that does not exist."""
    raw = request.GET.get("trang", "").strip()
    if not raw:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= max(page_count, 1):
        raise Http404(_("Không có trang này."))
    return int(raw)


def eid_label(eid: str) -> str:
    """A provision's eId as a reader says it: "chuong_2__dieu_5__khoan_2__diem_a" ->
    "điểm a khoản 2 Điều 5" (the units above an Điều are left out when it has one)."""
    parts = []
    for part in (eid or "").split("__"):
        kind, _sep, number = part.rpartition("_")
        if kind not in PROVISION_WORDS:
            kind, number = part, ""
        parts.append((kind, number))
    kinds = [k for k, _n in parts]
    if "dieu" in kinds:
        parts = parts[kinds.index("dieu") :]
    words = [f"{PROVISION_WORDS.get(k, k)} {n}".strip() for k, n in reversed(parts)]
    return " ".join(words)


def _article_sort_key(number: str) -> tuple[int, str]:
    match = _LEADING_NUMBER_RE.match(number or "")
    return (int(match.group(1)), match.group(2)) if match else (10**9, number or "")


def text_blocks(body: str) -> list[dict]:
    """Plain text to blocks: paragraphs, and runs of "a | b | c" lines as table rows."""
    blocks: list[dict] = []
    for line in (body or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if " | " in line:
            cells = [cell.strip() for cell in line.split(" | ")]
            if blocks and blocks[-1]["kind"] == "table":
                blocks[-1]["rows"].append(cells)
            else:
                blocks.append({"kind": "table", "rows": [cells]})
        else:
            blocks.append({"kind": "p", "text": line})
    for block in blocks:
        if block["kind"] == "table":
            width = max(len(row) for row in block["rows"])
            block["rows"] = [row + [""] * (width - len(row)) for row in block["rows"]]
    return blocks


def _absolute(path: str) -> str:
    return f"{settings.SITE_BASE_URL}{path}"


def _text_url(base: str, *, day: date | None, page: int, page_count: int, anchor: str = "") -> str:
    """A place in the text of a document: its page (and the date asked for, if any)."""
    if day is None:
        if anchor:
            return selectors.provision_url(
                document_url_path=base, anchor=anchor, page=page, page_count=page_count
            )
        return f"{base}?trang={page}" if page > 1 else base
    params = {"ngay": day.isoformat(), "trang": page if page_count > 1 and page > 1 else ""}
    return f"{base}{query_string(params)}{'#' + anchor if anchor else ''}"


def _toc_tree(entries: list[dict]) -> list[dict]:
    """Nest the flat table of contents by depth: [{entry, url, children}]."""
    roots: list[dict] = []
    stack: list[tuple[int, dict]] = []
    for item in entries:
        node = {**item, "children": []}
        while stack and stack[-1][0] >= item["depth"]:
            stack.pop()
        (stack[-1][1]["children"] if stack else roots).append(node)
        stack.append((item["depth"], node))
    return roots


# --------------------------------------------------------------------------- documents


def document_index(request: HttpRequest) -> HttpResponse:
    """All documents, newest first, 30 a page, filtered by type, year and status (the
    status from each document's own dates: no query per row)."""
    choices = selectors.document_browse_choices()
    errors: list[str] = []
    doc_type = request.GET.get("type", "").strip()
    if doc_type and doc_type not in {code for code, _name in choices["types"]}:
        errors.append(
            _("Loại văn bản “%(value)s” không có; đã bỏ bộ lọc này.") % {"value": doc_type}
        )
        doc_type = ""
    raw_year = request.GET.get("year", "").strip()
    year = int(raw_year) if raw_year.isdigit() else None
    if raw_year and (year is None or not 1945 <= year <= 2100):
        errors.append(_("Năm ban hành phải là một số từ 1945 đến 2100; đã bỏ bộ lọc này."))
        raw_year, year = "", None
    status = request.GET.get("status", "").strip()
    if status not in {code for code, _label in STATUS_FILTERS}:
        errors.append(
            _("Tình trạng hiệu lực “%(value)s” không có; đã bỏ bộ lọc này.") % {"value": status}
        )
        status = ""
    today = timezone.localdate()
    queryset = selectors.document_browse(doc_type=doc_type, year=year, status=status, on=today)
    paginator = Paginator(queryset, LIST_PAGE_SIZE)
    page_number = page_param(request, paginator.num_pages)
    page = paginator.page(page_number)
    documents = list(page.object_list)
    for document in documents:
        document.list_status = status_at(
            on=today, effective_on=document.effective_on, expires_on=document.expires_on
        )
        document.facts = [
            fact
            for fact in (
                document.doc_type.name if document.doc_type else "",
                document.issuer.name if document.issuer else "",
                _("ban hành %(day)s") % {"day": document.issued_on.strftime("%d/%m/%Y")}
                if document.issued_on
                else "",
            )
            if fact
        ]
    params = {"type": doc_type, "year": raw_year, "status": status}
    pager = pager_build(
        current=page_number,
        total=paginator.num_pages,
        url_for=lambda n: query_string(params, trang=n if n > 1 else ""),
    )
    return render(
        request,
        "laws/document_index.html",
        {
            "nav_section": "van-ban",
            "documents": documents,
            "count": paginator.count,
            "page": page,
            "pager": pager,
            "errors": errors,
            "form": params,
            "filtered": any(params.values()),
            "type_choices": choices["types"],
            "year_choices": choices["years"],
            "status_choices": STATUS_FILTERS,
            "today": today,
        },
    )


def document_detail(request: HttpRequest, eli: str) -> HttpResponse:
    document = selectors.document_get_by_eli(eli)
    if document is None:
        raise Http404(_("Không tìm thấy văn bản."))
    base = selectors.document_url(document)
    today = timezone.localdate()

    raw_day = request.GET.get("ngay", "").strip()
    day = parse_day(raw_day) if raw_day else None
    day_error = ""
    if raw_day and day is None:
        day_error = _(
            "“%(value)s” không phải là một ngày hợp lệ. Hãy chọn ngày trong ô, hoặc gõ theo dạng "
            "ngày/tháng/năm (ví dụ 01/07/2025). Dưới đây là tình trạng hôm nay."
        ) % {"value": raw_day[:40]}
    status_today = selectors.document_status(document, on=today)
    status_day = selectors.document_status(document, on=day) if day else None

    current = selectors.document_current_version(document)
    version = selectors.document_version_on(document, on=day) if day else current

    # "Đi đến Điều …": straight to the page and anchor of that article.
    goto_error = ""
    wanted = request.GET.get("dieu", "").strip()
    if wanted and version is not None:
        target = selectors.version_article_location(version, number=wanted[:20])
        if target is not None:
            return HttpResponseRedirect(
                _text_url(
                    base,
                    day=day,
                    page=target.page,
                    page_count=version.page_count,
                    anchor=target.anchor,
                )
            )
        goto_error = _("Văn bản này không có Điều %(number)s.") % {"number": wanted[:20]}

    citing_rows = list(selectors.document_citing_articles(document))
    if version is not None:
        page_count = version.page_count
    else:  # no text: the list of citing Pháp điển articles is what is paged
        page_count = max(1, -(-len(citing_rows) // CITING_PAGE_SIZE))
    page = page_param(request, page_count)
    provisions, toc, page_ranges, articles = [], [], {}, {}
    if version is not None:
        provisions = selectors.version_provisions_page(version, page=page)
        entries = selectors.version_outline(version)
        for entry in entries:
            if entry.kind == ProvisionKind.ARTICLE:
                first_last = page_ranges.setdefault(entry.page, [entry.label, entry.label])
                first_last[1] = entry.label
        shown = [
            {
                "label": e.label,
                "heading": e.heading,
                "depth": e.depth,
                "kind": e.kind,
                "url": _text_url(
                    base, day=day, page=e.page, page_count=page_count, anchor=e.anchor
                ),
            }
            for e in entries
            # A long text lists every Phần/Chương/Mục, and the Điều of the page shown.
            if page_count == 1 or e.kind != ProvisionKind.ARTICLE or e.page == page
        ]
        toc = _toc_tree(shown)
        min_depth = min((p.depth for p in provisions), default=0)
        for p in provisions:
            if p.kind in STRUCTURE_KINDS or p.kind == ProvisionKind.ARTICLE:
                p.level = min(3 + p.depth - min_depth, 6)
            else:
                p.level = 0
            if p.kind == ProvisionKind.ARTICLE:
                articles[p.number] = p

    pager = pager_build(
        current=page,
        total=page_count,
        url_for=lambda n: _text_url(base, day=day, page=n, page_count=page_count),
    )
    for item in pager.items:
        if "number" in item and item["number"] in page_ranges:
            first, last = page_ranges[item["number"]]
            item["range"] = first if first == last else f"{first}–{last}"

    relations = _relations(document)
    citing = _citing_groups(
        citing_rows,
        document=document,
        version=version,
        page=page,
        page_count=page_count,
        articles_here=articles,
    )

    canonical = _absolute(base + (f"?trang={page}" if page > 1 and day is None else ""))
    return render(
        request,
        "laws/document_detail.html",
        {
            "nav_section": "van-ban",
            "document": document,
            "url": base,
            "canonical": canonical,
            "today": today,
            "status_today": status_today,
            "status_day": status_day,
            "day": day,
            "raw_day": raw_day if day_error else (day.isoformat() if day else ""),
            "day_error": day_error,
            "version": version,
            "current": current,
            "version_is_current": version is not None
            and current is not None
            and version.pk == current.pk,
            "provisions": provisions,
            "toc": toc,
            "page": page,
            "page_count": page_count,
            "page_range": page_ranges.get(page),
            "pager": pager,
            "goto_error": goto_error,
            "goto_value": wanted[:20] if goto_error else "",
            "relations": relations,
            "citing": citing,
            "fields": list(document.fields.all()),
        },
    )


def _relations(document) -> dict[str, list[dict]]:
    """Relations both ways, each with its phrase, the other document, the provisions
    concerned (as labels, linked where the text is here) and the date."""
    both = selectors.document_relations(document)
    pairs = []
    for r in both["outgoing"] + both["incoming"]:
        pairs += [(r.source_id, r.source_eid), (r.target_id, r.target_eid)]
    urls = selectors.provision_urls_by_eid(pairs)

    def part(document_id: int, eid: str) -> dict | None:
        if not eid:
            return None
        return {"label": eid_label(eid), "url": urls.get((document_id, eid), "")}

    out = [
        {
            "phrase": RELATION_OUT.get(r.kind, r.get_kind_display()),
            "other": r.target,
            "other_url": selectors.document_url(r.target),
            "other_part": part(r.target_id, r.target_eid),
            "own_part": part(r.source_id, r.source_eid),
            "on": r.effective_on,
            "note": r.note,
        }
        for r in both["outgoing"]
    ]
    incoming = [
        {
            "phrase": RELATION_IN.get(r.kind, r.get_kind_display()),
            "other": r.source,
            "other_url": selectors.document_url(r.source),
            "other_part": part(r.source_id, r.source_eid),
            "own_part": part(r.target_id, r.target_eid),
            "on": r.effective_on or r.source.effective_on,
            "on_inferred": r.effective_on is None and r.source.effective_on is not None,
            "note": r.note,
        }
        for r in both["incoming"]
    ]
    return {"outgoing": out, "incoming": incoming}


def _citing_groups(citing: list, *, document, version, page, page_count, articles_here) -> dict:
    """Pháp điển articles citing this document, grouped by the cited article number.

    A long text shows, on each of its pages, the articles citing what that page shows
    (and, on its first page, those citing articles not in the text); a document without
    text pages the list itself, CITING_PAGE_SIZE articles a page."""
    total = len(citing)
    if not total:
        return {"groups": [], "total": 0}
    citing = sorted(
        citing, key=lambda a: (_article_sort_key(a.source_article), a.subject.sort_key, a.position)
    )
    if version is None:
        chosen = citing[(page - 1) * CITING_PAGE_SIZE : page * CITING_PAGE_SIZE]
    elif page_count > 1:
        numbers = {a.source_article for a in citing if a.source_article}
        _with_text, located = selectors.document_article_urls([(document.pk, n) for n in numbers])
        in_text = {number for _document_id, number in located}
        chosen = [
            a
            for a in citing
            if a.source_article in articles_here or (page == 1 and a.source_article not in in_text)
        ]
    else:
        chosen = citing
    groups: list[dict] = []
    for article in chosen:
        article.url = selectors.phapdien_article_url(article, article.subject)
        if not groups or groups[-1]["number"] != article.source_article:
            here = articles_here.get(article.source_article)
            groups.append(
                {
                    "number": article.source_article,
                    "url": f"#{here.anchor}" if here is not None else "",
                    "articles": [],
                }
            )
        groups[-1]["articles"].append(article)
    return {"groups": groups, "total": total, "partial": len(chosen) < total}


# --------------------------------------------------------------------------- Bộ pháp điển


def phapdien_index(request: HttpRequest) -> HttpResponse:
    topics = list(selectors.phapdien_topics())
    counts = selectors.phapdien_topic_article_counts()
    for topic in topics:
        topic.article_count = counts.get(topic.number, 0)
    return render(
        request,
        "laws/phapdien_index.html",
        {"nav_section": "van-ban", "topics": topics, "article_total": sum(counts.values())},
    )


def phapdien_topic(request: HttpRequest, number: int) -> HttpResponse:
    topic = selectors.phapdien_topic_get(number)
    if topic is None:
        raise Http404(_("Không có chủ đề này trong Bộ pháp điển."))
    subjects = list(topic.subjects.all())
    return render(
        request,
        "laws/phapdien_topic.html",
        {
            "nav_section": "van-ban",
            "topic": topic,
            "subjects": subjects,
            "article_total": sum(s.article_count for s in subjects),
        },
    )


def phapdien_subject(request: HttpRequest, number: str) -> HttpResponse:
    subject = selectors.phapdien_subject_get(number)
    if subject is None:
        raise Http404(_("Không có đề mục này trong Bộ pháp điển."))
    page = page_param(request, subject.page_count)
    base = selectors.phapdien_subject_url(subject)
    articles = list(selectors.phapdien_subject_articles(subject, page=page))
    _with_text, article_urls = selectors.document_article_urls(
        [(a.source_document_id, a.source_article) for a in articles if a.source_document_id]
    )
    has_chapters = any(a.chapter for a in articles)
    previous_chapter = None
    for article in articles:
        article.blocks = text_blocks(article.body)
        article.level = 3 if has_chapters and article.chapter else 2
        article.chapter_start = bool(article.chapter) and article.chapter != previous_chapter
        previous_chapter = article.chapter
        source = article.source_document
        article.source_url = ""
        if source is not None:
            article.source_url = article_urls.get(
                (source.pk, article.source_article), selectors.document_url(source)
            )

    related_urls = selectors.phapdien_article_urls_by_code(
        [code for a in articles for note in a.related for code in _RELATED_CODE_RE.findall(note)]
    )
    for article in articles:
        article.related_notes = [_related_segments(note, related_urls) for note in article.related]

    toc_rows = selectors.phapdien_subject_toc(subject)
    # Chapters of the whole đề mục; the articles of the page shown (all of a short one).
    toc: list[dict] = []
    chapter = None
    for row in toc_rows:
        if row["chapter"] != chapter:
            chapter = row["chapter"]
            url = f"#{row['anchor']}" if row["page"] == page else _subject_url(base, row)
            toc.append({"chapter": " ".join(chapter.split()), "url": url, "articles": []})
        if subject.page_count == 1 or row["page"] == page:
            toc[-1]["articles"].append({**row, "url": f"#{row['anchor']}"})
    toc = [section for section in toc if section["chapter"] or section["articles"]]
    ranges = {}
    for row in toc_rows:
        first_last = ranges.setdefault(row["page"], [row["code"], row["code"]])
        first_last[1] = row["code"]
    pager = pager_build(
        current=page,
        total=subject.page_count,
        url_for=lambda n: f"{base}?trang={n}" if n > 1 else base,
    )
    for item in pager.items:
        if "number" in item and item["number"] in ranges:
            first, last = ranges[item["number"]]
            item["range"] = (
                _("Điều %(code)s") % {"code": first} if first == last else f"{first} – {last}"
            )
    return render(
        request,
        "laws/phapdien_subject.html",
        {
            "nav_section": "van-ban",
            "subject": subject,
            "topic": subject.topic,
            "articles": articles,
            "toc": toc,
            "article_count": len(toc_rows),
            "page": page,
            "pager": pager,
            "canonical": _absolute(base + (f"?trang={page}" if page > 1 else "")),
        },
    )


def _subject_url(base: str, row: dict) -> str:
    page_part = f"?trang={row['page']}" if row["page"] > 1 else ""
    return f"{base}{page_part}#{row['anchor']}"


def _related_segments(text: str, urls: dict[str, str]) -> list[dict]:
    """A related-article note as text pieces, the Pháp điển article codes in it linked."""
    segments, position = [], 0
    for match in _RELATED_CODE_RE.finditer(text):
        url = urls.get(match.group(1))
        if not url:
            continue
        end = match.end(1)
        segments.append({"text": text[position : match.start()], "url": ""})
        segments.append({"text": text[match.start() : end], "url": url})
        position = end
    segments.append({"text": text[position:], "url": ""})
    return [s for s in segments if s["text"]]
