"""Public pages of the Legal Q&A.

    /hoi-dap/                              published questions: newest first, or search (?q=)
    /hoi-dap/linh-vuc/<code>/              the same, of one legal field
    /hoi-dap/doi-tuong/<code>/             the same, for one audience
    /hoi-dap/<pk>/<slug>/                  one published question and its answer
    /hoi-dap/gui-cau-hoi/                  the ask form (POST; no account needed)
    /hoi-dap/theo-doi/                     find a question by its tracking code (?ma=)
    /hoi-dap/theo-doi/<code>/              the asker's view: status, answer, erasure
    /hoi-dap/theo-doi/<code>/xoa-du-lieu/  POST: erase the asker's personal data

The public pages show only the de-identified ``title``/``public_question`` and the
answer; never the asker's name, contact details, original wording or commune. The list
and question pages are served from the anonymous page cache (the services invalidate it
on publish/unpublish). The form and the tracking pages are never cached, and the tracking
pages (whose URL holds a secret) are private and not indexed.
"""

from datetime import date
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pbgdpl.core.ratelimit import rate_limit_hit
from pbgdpl.laws.models import LegalField
from pbgdpl.portal.cache import page_cache
from pbgdpl.portal.models import Audience
from pbgdpl.portal.seo import (
    FEED_MIME,
    ORGANIZATION_NAME,
    SCHEMA_CONTEXT,
    absolute_url,
    citation_jsonld,
    jsonld_script,
)
from pbgdpl.search.views import pager_build, query_string

from . import selectors, services
from .api import TRACK_RATE
from .forms import ERASE_CONFIRM, SUGGEST_BUTTON, QuestionAskForm
from .models import OPEN_STATUSES, Question

PER_PAGE = 12
SEARCH_MAX_CHARS = 1000
RELATED_COUNT = 5
SENT_TAG = "qa-sent"
ERASED_TAG = "qa-erased"
# The steps an asker sees (the internal review step shows as "assigned").
TRACK_STEPS = ("received", "assigned", "answered", "published")


# --------------------------------------------------------------------------- helpers


def _cached_unless_searching(view):
    """The page cache for the plain lists; search results (``?q=``) are never stored."""
    cached = page_cache(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.GET.get("q", "").strip():
            return view(request, *args, **kwargs)
        return cached(request, *args, **kwargs)

    return wrapper


def _private(response: HttpResponse) -> HttpResponse:
    """A page for one reader only: not indexed, not stored by any cache."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store, max-age=0"
    return response


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("trang", "").strip()
    if not raw:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        raise Http404(_("Không có trang này."))
    return int(raw)


def _feeds(field: LegalField | None = None) -> list[dict[str, str]]:
    """The Q&A feeds a list page offers in its <head> (and as visible links)."""
    links = []
    for kind in ("atom", "rss"):
        name = "Atom" if kind == "atom" else "RSS"
        links.append(
            {
                "title": _("Hỏi đáp pháp luật (%(format)s)") % {"format": name},
                "href": absolute_url(reverse("qa:feed", kwargs={"kind": kind})),
                "mime": FEED_MIME[kind],
                "kind": kind,
                "label": name,
            }
        )
        if field is not None:
            links.append(
                {
                    "title": _("Hỏi đáp lĩnh vực %(field)s (%(format)s)")
                    % {"field": field.name, "format": name},
                    "href": absolute_url(
                        reverse("qa:feed-field", kwargs={"kind": kind, "code": field.code})
                    ),
                    "mime": FEED_MIME[kind],
                    "kind": kind,
                    "label": name,
                    "field": True,
                }
            )
    return links


def _filter_fields() -> list[dict[str, Any]]:
    """Legal fields with published questions, with their counts, by name."""
    rows = (
        Question.objects.published()
        .values("legal_field__code", "legal_field__name")
        .annotate(count=Count("id"))
        .order_by("legal_field__name")
    )
    return [
        {"code": r["legal_field__code"], "name": r["legal_field__name"], "count": r["count"]}
        for r in rows
    ]


def _filter_audiences() -> list[dict[str, Any]]:
    """Audiences of published questions, with their counts, in their set order."""
    rows = (
        Question.objects.published()
        .filter(audiences__isnull=False)
        .values("audiences__code", "audiences__name", "audiences__sort_order")
        .annotate(count=Count("id"))
        .order_by("audiences__sort_order", "audiences__name")
    )
    return [
        {"code": r["audiences__code"], "name": r["audiences__name"], "count": r["count"]}
        for r in rows
    ]


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- lists


def _listing(
    request: HttpRequest,
    *,
    field: LegalField | None = None,
    audience: Audience | None = None,
) -> HttpResponse:
    q = request.GET.get("q", "")[:SEARCH_MAX_CHARS].strip()
    page_number = _page_number(request)
    items: list[dict[str, Any]] = []
    count = 0
    error = ""
    pager = None
    first = (page_number - 1) * PER_PAGE + 1
    if q and audience is None:
        from pbgdpl.search.selectors import (
            MAX_OFFSET,
            SearchInputError,
            SearchRequest,
            search_run,
        )

        offset = (page_number - 1) * PER_PAGE
        if offset > MAX_OFFSET:
            raise Http404(_("Không có trang này."))
        try:
            found = search_run(
                SearchRequest(
                    q=q,
                    kind="qa",
                    limit=PER_PAGE,
                    offset=offset,
                    legal_field=field.code if field else "",
                )
            )
        except SearchInputError:
            found = None
            error = _("Chức năng tìm hỏi đáp tạm thời chưa dùng được. Vui lòng thử lại sau.")
        if found is not None:
            count = found.count
            for hit in found.results:
                info = hit.get("qa") or {}
                items.append(
                    {
                        "title": hit["title"],
                        "url": hit["url"],
                        "snippet": hit.get("snippet", ""),
                        "field": info.get("field", ""),
                        "answered_on": _day(info.get("answered_on")),
                    }
                )
            reachable = min(count, MAX_OFFSET + PER_PAGE)
            pages = max(1, (reachable + PER_PAGE - 1) // PER_PAGE)
            if page_number > pages and count:
                raise Http404(_("Không có trang này."))
            pager = pager_build(
                current=page_number,
                total=pages,
                url_for=lambda n: query_string({"q": q}, trang=n if n > 1 else ""),
            )
    else:
        questions = selectors.questions_published()
        if field is not None:
            questions = questions.filter(legal_field=field)
        if audience is not None:
            questions = questions.filter(audiences=audience)
        paginator = Paginator(questions, PER_PAGE)
        if page_number > max(1, paginator.num_pages):
            raise Http404(_("Không có trang này."))
        page = paginator.page(page_number)
        count = paginator.count
        for question in page.object_list:
            items.append(
                {
                    "title": question.title,
                    "url": selectors.question_url(question),
                    "summary": question.public_question,
                    "field": question.legal_field.name,
                    "field_code": question.legal_field.code,
                    "answered_on": question.answered_at.date() if question.answered_at else None,
                }
            )
        pager = pager_build(
            current=page_number,
            total=paginator.num_pages,
            url_for=lambda n: query_string({}, trang=n if n > 1 else ""),
        )
    if field is not None:
        title = _("Hỏi đáp lĩnh vực %(name)s") % {"name": field.name}
        intro = _(
            "Câu hỏi của người dân, doanh nghiệp về lĩnh vực %(name)s và câu trả lời của cơ "
            "quan nhà nước, có dẫn căn cứ pháp lý."
        ) % {"name": field.name}
        crumb = field.name
    elif audience is not None:
        title = _("Hỏi đáp dành cho: %(name)s") % {"name": audience.name}
        intro = audience.description or _("Câu hỏi và câu trả lời pháp luật theo đối tượng.")
        crumb = audience.name
    else:
        title = _("Hỏi đáp pháp luật")
        intro = _(
            "Câu hỏi của người dân, doanh nghiệp và câu trả lời của Sở Tư pháp, có dẫn căn cứ "
            "pháp lý. Tìm xem câu hỏi của bạn đã được trả lời chưa, hoặc gửi câu hỏi mới."
        )
        crumb = ""
    context = {
        "nav_section": "hoi-dap",
        "title": title,
        "intro": intro,
        "crumb": crumb,
        "q": q,
        "items": items,
        "count": count,
        "first": first,
        "last": first + len(items) - 1,
        "pager": pager,
        "error": error,
        "field": field,
        "audience": audience,
        "field_filters": _filter_fields(),
        "audience_filters": _filter_audiences(),
        "feeds": _feeds(field),
        "search_action": request.path if audience is None else reverse("qa:index"),
        "answer_days": settings.QA_ANSWER_WORKING_DAYS,
    }
    return render(request, "qa/question_list.html", context)


@require_safe
@_cached_unless_searching
def question_list(request: HttpRequest) -> HttpResponse:
    """Published questions, newest first, 12 a page (``?trang=``); ``?q=`` searches them."""
    return _listing(request)


@require_safe
@_cached_unless_searching
def question_list_field(request: HttpRequest, code: str) -> HttpResponse:
    """Published questions of one legal field; ``?q=`` searches within the field."""
    field = LegalField.objects.filter(code=code).first()
    if field is None:
        raise Http404(_("Không có lĩnh vực này."))
    return _listing(request, field=field)


@require_safe
@_cached_unless_searching
def question_list_audience(request: HttpRequest, code: str) -> HttpResponse:
    """Published questions for one audience (đối tượng)."""
    audience = Audience.objects.filter(code=code).first()
    if audience is None:
        raise Http404(_("Không có đối tượng này."))
    return _listing(request, audience=audience)


# --------------------------------------------------------------------------- one question


def question_jsonld(question: Question, *, url: str, citations: list) -> dict[str, Any]:
    """schema.org QAPage data of a published question: the public wording, the answer
    and its legal grounds; nothing about the asker."""
    organization = {
        "@type": "GovernmentOrganization",
        "name": ORGANIZATION_NAME,
        "url": settings.SITE_BASE_URL + "/",
    }
    answer = {
        "@type": "Answer",
        "text": question.answer,
        "url": url,
        "author": organization,
        "upvoteCount": 0,
    }
    if question.answered_at:
        answer["dateCreated"] = question.answered_at.isoformat(timespec="seconds")
    if citations:
        answer["citation"] = [citation_jsonld(c) for c in citations]
    main = {
        "@type": "Question",
        "name": question.title,
        "text": question.public_question or question.title,
        "answerCount": 1,
        "acceptedAnswer": answer,
        "about": {"@type": "Thing", "name": question.legal_field.name},
        "inLanguage": "vi",
    }
    if question.published_at:
        main["datePublished"] = question.published_at.isoformat(timespec="seconds")
        main["dateCreated"] = question.published_at.isoformat(timespec="seconds")
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "QAPage",
        "url": url,
        "inLanguage": "vi",
        "publisher": organization,
        "mainEntity": main,
    }


@require_safe
@page_cache
def question_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """A published question with its answer and legal grounds; an out-of-date slug
    redirects (301) to the question's address, anything unpublished is a 404."""
    question = selectors.question_published_get(pk)
    if question is None:
        raise Http404(_("Không có câu hỏi này, hoặc câu hỏi chưa được công khai."))
    path = selectors.question_url(question)
    if slug != selectors.question_slug(question):
        return HttpResponsePermanentRedirect(path)
    url = absolute_url(path)
    citations = selectors.question_citations(question)
    context = {
        "nav_section": "hoi-dap",
        "question": question,
        "citations": citations,
        "audiences": list(question.audiences.all()),
        "related": [
            {"title": r.title, "url": selectors.question_url(r)}
            for r in selectors.questions_related(question, limit=RELATED_COUNT)
        ],
        "canonical": url,
        "jsonld": jsonld_script(question_jsonld(question, url=url, citations=citations)),
        "description": Truncator(question.public_question.replace("\n", " ")).chars(160),
        "feeds": _feeds(question.legal_field),
    }
    return render(request, "qa/question_detail.html", context)


# --------------------------------------------------------------------------- asking


def _ask_page(
    request: HttpRequest,
    form: QuestionAskForm,
    *,
    status: int = 200,
    suggestions: dict | None = None,
    too_many: str = "",
) -> HttpResponse:
    context = {
        "nav_section": "hoi-dap",
        "no_feedback": True,
        "form": form,
        "errors": form.error_summary(),
        "field_errors": form.bound_errors,
        "values": form.values,
        "suggestions": suggestions,
        "too_many": too_many,
        "suggest_min": selectors.SUGGEST_MIN_CHARS,
    }
    return render(request, "qa/question_ask.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def question_ask(request: HttpRequest) -> HttpResponse:
    """The ask form. POST stores the question (``services.qa_question_submit``) and
    redirects (303) to its tracking page; bad input re-shows the form as typed with a
    message per field (400); over ``settings.QA_ASK_RATE`` per address: 429 with
    Retry-After, the form still filled in. The "goi_y" button only shows similar
    answers (nothing stored, not counted against the limit)."""
    if request.method == "GET":
        return _ask_page(request, QuestionAskForm())
    form = QuestionAskForm(request.POST)
    if SUGGEST_BUTTON in request.POST:
        return _ask_page(
            request,
            form,
            suggestions=selectors.qa_suggestions(request.POST.get("text", "")),
        )
    limit, window = settings.QA_ASK_RATE
    rate = rate_limit_hit(request, scope="qa.ask", limit=limit, window=window)
    if not rate.allowed:
        minutes = max(1, round(rate.retry_after / 60))
        response = _ask_page(
            request,
            form,
            status=429,
            too_many=_(
                "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Để chống gửi tự động, mỗi máy "
                "chỉ gửi được %(limit)s câu hỏi trong %(window)s phút. Vui lòng thử lại sau "
                "khoảng %(minutes)s phút: nội dung bạn đã viết vẫn còn nguyên bên dưới."
            )
            % {"limit": limit, "window": max(1, window // 60), "minutes": minutes},
        )
        response["Retry-After"] = str(rate.retry_after)
        return response
    try:
        question = services.qa_question_submit(data=form.question_input())
    except services.QaInputError as exc:
        form.errors_apply(exc.errors)
        return _ask_page(request, form, status=400)
    messages.success(request, _("Câu hỏi của bạn đã được gửi."), extra_tags=SENT_TAG)
    target = reverse("qa:track", kwargs={"code": question.code})
    return HttpResponseRedirect(target, status=303)


# --------------------------------------------------------------------------- tracking


@never_cache
@require_safe
def question_track_find(request: HttpRequest) -> HttpResponse:
    """A form for the tracking code; ``?ma=`` (as typed) goes to its tracking page."""
    raw = request.GET.get("ma", "")
    error = ""
    if "ma" in request.GET:
        code = services.tracking_code_normalize(raw)
        if code:
            return _private(
                HttpResponseRedirect(reverse("qa:track", kwargs={"code": code}), status=303)
            )
        error = (
            _("Vui lòng nhập mã theo dõi.")
            if not raw.strip()
            else _(
                "Mã “%(code)s” không đúng dạng. Mã theo dõi gồm chữ HD và 10 chữ, số, "
                "ví dụ HD-7K4M2-QXR0Z."
            )
            % {"code": raw.strip()[:40]}
        )
    response = render(
        request,
        "qa/track_find.html",
        {"nav_section": "hoi-dap", "no_feedback": True, "code": raw[:40], "error": error},
        status=400 if error else 200,
    )
    return _private(response)


def _too_many_track(request: HttpRequest, retry_after: int) -> HttpResponse:
    response = render(
        request,
        "qa/too_many.html",
        {
            "nav_section": "hoi-dap",
            "no_feedback": True,
            "minutes": max(1, round(retry_after / 60)),
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return _private(response)


def _not_found(request: HttpRequest, code: str) -> HttpResponse:
    response = render(
        request,
        "qa/track_not_found.html",
        {"nav_section": "hoi-dap", "no_feedback": True, "code": code[:40]},
        status=404,
    )
    return _private(response)


def _track_lookup(request: HttpRequest, code: str) -> tuple[Question | None, HttpResponse | None]:
    """The question of ``code`` after counting the look-up against the limit; else the
    response to send (429, 404)."""
    limit, window = TRACK_RATE
    rate = rate_limit_hit(request, scope="qa.track", limit=limit, window=window)
    if not rate.allowed:
        return None, _too_many_track(request, rate.retry_after)
    question = selectors.question_by_code(code)
    if question is None:
        return None, _not_found(request, code)
    return question, None


def _steps(status: str) -> list[dict[str, Any]]:
    labels = {
        "received": _("Đã tiếp nhận"),
        "assigned": _("Đã phân công"),
        "answered": _("Đã trả lời"),
        "published": _("Đã công khai"),
    }
    current = TRACK_STEPS.index(status) if status in TRACK_STEPS else -1
    return [
        {
            "label": labels[step],
            "state": "done" if i < current else "current" if i == current else "todo",
            "number": i + 1,
        }
        for i, step in enumerate(TRACK_STEPS)
    ]


def _track_page(
    request: HttpRequest, question: Question, *, erase_error: str = "", status: int = 200
) -> HttpResponse:
    tracking = selectors.question_tracking(question)
    sent = False
    erased_note = ""
    others = []
    for message in messages.get_messages(request):
        if SENT_TAG in message.tags:
            sent = True
        elif ERASED_TAG in message.tags:
            erased_note = str(message)
        else:
            others.append(message)
    open_ = tracking["status"] in ("received", "assigned")
    context = {
        "nav_section": "hoi-dap",
        "no_feedback": True,
        "messages": others,
        "t": tracking,
        "question": question,  # for the survey invitation's signed reference only
        "steps": _steps(tracking["status"]),
        "sent": sent,
        "erased_note": erased_note,
        "erase_error": erase_error,
        "is_open": open_,
        "overdue": open_ and tracking["due_on"] < timezone.localdate(),
        "erase_action": reverse("qa:track-erase", kwargs={"code": question.code}),
        "retention_months": max(1, round(settings.QA_PERSONAL_DATA_RETENTION_DAYS / 30.4)),
    }
    return _private(render(request, "qa/track.html", context, status=status))


@never_cache
@require_safe
def question_track(request: HttpRequest, code: str) -> HttpResponse:
    """The asker's view of their question: status, dates, their own wording, the answer
    once approved, and the erasure form. Look-ups are limited per address (429)."""
    normalized = services.tracking_code_normalize(code)
    if normalized and normalized != code:
        target = reverse("qa:track", kwargs={"code": normalized})
        return _private(HttpResponseRedirect(target, status=301))
    question, refused = _track_lookup(request, code)
    if refused is not None:
        return refused
    return _track_page(request, question)


@never_cache
@require_POST
def question_track_erase(request: HttpRequest, code: str) -> HttpResponse:
    """The asker's request to erase their personal data (with the confirmation box
    ticked): name, e-mail, phone and the original wording; an unanswered question is
    withdrawn. Redirects (303) to the tracking page, which says what was erased."""
    question, refused = _track_lookup(request, code)
    if refused is not None:
        return refused
    if question.personal_data_erased_at is not None:
        messages.info(
            request,
            _("Dữ liệu cá nhân của câu hỏi này đã được xoá trước đó."),
            extra_tags=ERASED_TAG,
        )
        return _private(HttpResponseRedirect(_track_url(question), status=303))
    if not request.POST.get(ERASE_CONFIRM):
        return _track_page(
            request,
            question,
            erase_error=_("Vui lòng đánh dấu ô xác nhận nếu bạn muốn xoá dữ liệu cá nhân."),
            status=400,
        )
    erased = []
    if question.asker_name:
        erased.append(_("họ tên"))
    if question.asker_email:
        erased.append(_("địa chỉ thư điện tử"))
    if question.asker_phone:
        erased.append(_("số điện thoại"))
    if question.text:
        erased.append(_("nội dung câu hỏi bạn đã gửi"))
    was_open = question.status in OPEN_STATUSES
    services.qa_personal_data_erase_by_code(code=question.code)
    note = _("Đã xoá: %(what)s.") % {"what": ", ".join(str(e) for e in erased)} if erased else ""
    note = f"{note} " if note else ""
    if was_open:
        note += _("Câu hỏi chưa được trả lời nên đã được rút lại: cán bộ sẽ không trả lời nữa.")
    else:
        note += _("Câu trả lời vẫn xem được tại đây bằng mã theo dõi.")
    messages.success(request, note.strip(), extra_tags=ERASED_TAG)
    return _private(HttpResponseRedirect(_track_url(question), status=303))


def _track_url(question: Question) -> str:
    return reverse("qa:track", kwargs={"code": question.code}) + "#du-lieu-ca-nhan"
