"""The public search page /tim-kiem/: one form, the results of :func:`search_run`.

Parameters mirror GET /api/v1/search (``q``, ``kind``, ``type``, ``status``, ``year``,
``field``, ``offset``, ``limit``) plus ``trang`` (page number) for the page links. A bad
filter value never fails the page: it is ignored and the reader is told why.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.core.text import fold

from .registry import filter_choices, kind_labels
from .selectors import MAX_LIMIT, MAX_OFFSET, SearchInputError, SearchRequest, search_run

PAGE_SIZE = 10
MAX_QUERY_CHARS = 1000
KIND_CHOICES = (
    ("", gettext_lazy("Tất cả")),
    ("provision", gettext_lazy("Điều khoản")),
    ("document", gettext_lazy("Văn bản")),
)


def kind_choices() -> list[tuple[str, object]]:
    """The library's kinds, then those feature apps registered (pages, Q&A, …)."""
    return [*KIND_CHOICES, *kind_labels().items()]


STATUS_CHOICES = (
    ("", gettext_lazy("Mọi tình trạng")),
    ("con_hieu_luc", gettext_lazy("Còn hiệu lực")),
    ("het_hieu_luc", gettext_lazy("Hết hiệu lực")),
    ("chua_hieu_luc", gettext_lazy("Chưa có hiệu lực")),
)
EXAMPLES = (
    ("Người lao động được nghỉ phép năm bao nhiêu ngày?", gettext_lazy("cả một câu hỏi")),
    ("14/2012/QH13", gettext_lazy("số ký hiệu văn bản")),
    ('"hòa giải ở cơ sở"', gettext_lazy("cụm từ chính xác, trong ngoặc kép")),
    ("giay phep lai xe", gettext_lazy("gõ không dấu cũng được")),
)


# --------------------------------------------------------------------------- page links


@dataclass
class Pager:
    """Links of a paged list: previous, next and a window of page numbers (None = gap)."""

    current: int
    total: int
    prev_url: str = ""
    next_url: str = ""
    items: list[dict] = field(default_factory=list)


def pager_build(*, current: int, total: int, url_for, window: int = 2) -> Pager:
    """A :class:`Pager` for page ``current`` of ``total``; ``url_for(n)`` gives the URL of
    page n. Shows the first and last pages and ``window`` pages either side of the current."""
    pager = Pager(current=current, total=total)
    if total <= 1:
        return pager
    if current > 1:
        pager.prev_url = url_for(current - 1)
    if current < total:
        pager.next_url = url_for(current + 1)
    shown = {1, total, *range(max(1, current - window), min(total, current + window) + 1)}
    previous = 0
    for n in sorted(shown):
        if n - previous > 1:
            pager.items.append({"gap": True})
        pager.items.append({"number": n, "url": url_for(n), "current": n == current})
        previous = n
    return pager


def query_string(params: dict, **changes) -> str:
    """``?a=1&b=2`` from ``params`` with ``changes`` applied; empty values dropped."""
    merged = {**params, **changes}
    pairs = [(k, v) for k, v in merged.items() if v not in ("", None)]
    return f"?{urlencode(pairs)}" if pairs else "?"


# --------------------------------------------------------------------------- filters


def _filter_choices() -> dict[str, list[tuple[str, str]]]:
    """Choices of the type and field filters, from whatever the feature apps store.

    Search never imports a feature app: apps register their choices
    (``registry.register_filter_choices``). Cached for five minutes: they change rarely."""
    choices = cache.get("search:page:filters")
    if choices is not None:
        return choices
    choices = {"types": [], "fields": [], "topics": [], **filter_choices()}
    cache.set("search:page:filters", choices, 300)
    return choices


def _int_param(raw: str) -> int | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        return -1


def _read_form(request: HttpRequest, choices: dict) -> tuple[dict, list[str]]:
    """The form's values, cleaned; bad values are dropped with a message each."""
    get = request.GET
    errors: list[str] = []
    form = {
        "q": get.get("q", "")[:MAX_QUERY_CHARS],
        "kind": get.get("kind", "").strip(),
        "type": get.get("type", "").strip(),
        "status": get.get("status", "").strip(),
        "field": get.get("field", "").strip(),
        "year": get.get("year", "").strip(),
    }
    if form["kind"] not in {k for k, _label in kind_choices()}:
        errors.append(
            _("Loại kết quả “%(value)s” không có; đang tìm tất cả.") % {"value": form["kind"]}
        )
        form["kind"] = ""
    if form["status"] not in {k for k, _label in STATUS_CHOICES}:
        errors.append(
            _("Tình trạng hiệu lực “%(value)s” không có; đã bỏ bộ lọc này.")
            % {"value": form["status"]}
        )
        form["status"] = ""
    if form["type"] and form["type"] not in {k for k, _label in choices["types"]}:
        errors.append(
            _("Loại văn bản “%(value)s” không có; đã bỏ bộ lọc này.") % {"value": form["type"]}
        )
        form["type"] = ""
    known_fields = {k for k, _label in choices["fields"]} | {k for k, _label in choices["topics"]}
    if form["field"] and form["field"] not in known_fields:
        errors.append(
            _("Lĩnh vực “%(value)s” không có; đã bỏ bộ lọc này.") % {"value": form["field"]}
        )
        form["field"] = ""
    year = _int_param(form["year"])
    if year is not None and not 1945 <= year <= 2100:
        errors.append(_("Năm ban hành phải là một số từ 1945 đến 2100; đã bỏ bộ lọc này."))
        form["year"] = ""
        year = None
    form["year_value"] = year
    return form, errors


def _paging(request: HttpRequest, errors: list[str]) -> tuple[int, int]:
    """(offset, limit) from ``offset``/``limit`` or ``trang``; bad values fall back."""
    limit = _int_param(request.GET.get("limit", ""))
    if limit is None:
        limit = PAGE_SIZE
    elif not 1 <= limit <= MAX_LIMIT:
        errors.append(_("Số kết quả mỗi trang phải từ 1 đến %(max)s.") % {"max": MAX_LIMIT})
        limit = PAGE_SIZE
    offset = _int_param(request.GET.get("offset", ""))
    if offset is None:
        page = _int_param(request.GET.get("trang", ""))
        if page is None:
            page = 1
        elif page < 1:
            errors.append(_("Số trang không hợp lệ; đang xem trang đầu."))
            page = 1
        offset = (page - 1) * limit
    if not 0 <= offset <= MAX_OFFSET:
        errors.append(
            _("Chỉ xem được %(max)s kết quả đầu tiên; hãy thêm từ khóa hoặc bộ lọc để thu hẹp.")
            % {"max": MAX_OFFSET}
        )
        offset = 0
    return offset, limit


def _is_number_query(results) -> bool:
    """Whether the query is nothing but a document number ("14/2012/QH13", "QH13 14")."""
    query = results.query
    if query is None or not query.number_keys or not query.terms:
        return False
    if all("/" in term for term in query.terms):
        return True
    if len(query.terms) == 2:
        a, b = query.terms
        return f"{a}/{b}" in query.number_keys or f"{b}/{a}" in query.number_keys
    return False


def _exact_jump(results) -> dict | None:
    """The one document a query that is nothing but a document number names, if any.

    A full number ("14/2012/QH13") names the document with exactly that number even
    when the shorter keys also match others (14/2012/NĐ-CP); a partial one ("14/2012",
    "QH13 14") only when a single document matches."""
    if not results.jump or not _is_number_query(results):
        return None
    candidates = [r for r in results.jump["results"] if r.get("url")]
    full = {key for key in results.query.number_keys if key.count("/") == 2}
    if full:
        candidates = [
            r for r in candidates if fold((r.get("document") or {}).get("number") or "") in full
        ]
    elif results.jump["count"] != 1:
        return None
    return candidates[0] if len(candidates) == 1 else None


# --------------------------------------------------------------------------- the page


def search_page(request: HttpRequest) -> HttpResponse:
    choices = _filter_choices()
    form, errors = _read_form(request, choices)
    offset, limit = _paging(request, errors)
    results = None
    if form["q"].strip():
        try:
            results = search_run(
                SearchRequest(
                    q=form["q"],
                    kind=form["kind"] or None,
                    limit=limit,
                    offset=offset,
                    doc_type=form["type"],
                    legal_field=form["field"],
                    status=form["status"],
                    year=form["year_value"],
                )
            )
        except SearchInputError as exc:
            errors.append(str(exc))
    if results is not None and offset == 0 and form["kind"] in ("", "document"):
        target = _exact_jump(results)
        if target is not None:
            return HttpResponseRedirect(target["url"])

    params = {k: form[k] for k in ("q", "kind", "type", "status", "field", "year")}
    if limit != PAGE_SIZE:
        params["limit"] = limit
    pager = None
    if results is not None and results.count:
        reachable = min(results.count, MAX_OFFSET + limit)
        total_pages = (reachable + limit - 1) // limit
        current = offset // limit + 1
        pager = pager_build(
            current=current,
            total=max(total_pages, current),
            url_for=lambda n: query_string(params, trang=n if n > 1 else ""),
        )
    jump = None
    if results is not None and results.jump and results.jump["results"]:
        jump = results.jump
    context = {
        "form": form,
        "errors": errors,
        "results": results,
        "jump": jump,
        "pager": pager,
        "first": offset + 1,
        "last": offset + len(results.results) if results else 0,
        "took_s": f"{results.took_ms / 1000:.2f}".replace(".", ",") if results else "",
        "kind_choices": kind_choices(),
        "status_choices": STATUS_CHOICES,
        "type_choices": choices["types"],
        "field_choices": choices["fields"],
        "topic_choices": choices["topics"],
        "examples": [(text, note, query_string({"q": text})) for text, note in EXAMPLES],
        "filtered": any(form[k] for k in ("kind", "type", "status", "field", "year")),
        "browse_url": query_string({k: form[k] for k in ("type", "status", "year")})
        if any(form[k] for k in ("type", "status", "year"))
        else "",
    }
    return render(request, "search/search_page.html", context)
