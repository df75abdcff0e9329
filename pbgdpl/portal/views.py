"""Public views of the portal that are not Wagtail pages."""

from dataclasses import replace

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from pbgdpl.core.redirects import safe_next_url

from .context_processors import (
    CONTRASTS,
    COOKIE_MAX_AGE,
    COOKIE_NAME,
    FONT_SIZES,
    preferences_from_request,
)


@never_cache
@require_http_methods(["GET", "POST"])
def display_preferences_set(request: HttpRequest) -> HttpResponse:
    """Save the font size and/or contrast choice in a cookie, then go back.

    Parameters (GET or POST): ``font_size`` = normal | large | larger,
    ``contrast`` = on | off, ``next`` = a local URL. A missing parameter keeps the
    saved value. Works without JavaScript (a plain form); site.js calls it with
    ``X-Requested-With: fetch`` and gets JSON instead of a redirect.
    """
    data = request.POST if request.method == "POST" else request.GET
    prefs = preferences_from_request(request)
    font_size = data.get("font_size")
    contrast = data.get("contrast")
    if font_size is not None and font_size not in FONT_SIZES:
        return HttpResponseBadRequest(
            _("Cỡ chữ không hợp lệ. Hãy chọn một trong: %(choices)s.")
            % {"choices": ", ".join(FONT_SIZES)},
            content_type="text/plain; charset=utf-8",
        )
    if contrast is not None and contrast not in CONTRASTS:
        return HttpResponseBadRequest(
            _("Chế độ tương phản không hợp lệ. Hãy chọn một trong: %(choices)s.")
            % {"choices": ", ".join(CONTRASTS)},
            content_type="text/plain; charset=utf-8",
        )
    if font_size is not None:
        prefs = replace(prefs, font_size=font_size)
    if contrast is not None:
        prefs = replace(prefs, contrast=contrast)

    if request.headers.get("X-Requested-With") == "fetch":
        response: HttpResponse = JsonResponse(
            {"font_size": prefs.font_size, "contrast": prefs.contrast, "classes": prefs.css_classes}
        )
    else:
        response = HttpResponseRedirect(safe_next_url(request, data.get("next")))
        response.status_code = 303  # "see other": the browser follows with GET
    response.set_cookie(
        COOKIE_NAME,
        prefs.cookie_value(),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers still ask for /favicon.ico: point them at the static icon."""
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("portal/favicon.svg"))


@never_cache
@require_http_methods(["GET"])
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the reader's language (``lang`` = vi | en) with a cookie, then go back —
    to the page's version in that language when it has one.

    A plain link, so it works without JavaScript and without a CSRF token; the choice
    changes nothing but the language of the reader's own pages.
    """
    from django.conf import settings

    language = request.GET.get("lang", "")
    if language not in {code for code, _name in settings.LANGUAGES}:
        return HttpResponseBadRequest(
            _("Ngôn ngữ không hợp lệ. Hãy chọn: %(choices)s.")
            % {"choices": ", ".join(code for code, _name in settings.LANGUAGES)},
            content_type="text/plain; charset=utf-8",
        )
    target = safe_next_url(request, request.GET.get("next"))
    # On a page that has a version in the chosen language, go to that version.
    from .routing import page_for_path

    page = page_for_path(request, target)
    if page is not None:
        translated = (
            page.get_translations(inclusive=True)
            .live()
            .public()
            .filter(locale__language_code=language)
            .first()
        )
        if translated is not None:
            target = translated.url
    response = HttpResponseRedirect(target)
    response.status_code = 303
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


def _taxonomy_listing(request: HttpRequest, *, title: str, intro: str, articles) -> HttpResponse:
    from django.core.paginator import Paginator
    from django.shortcuts import render

    from .selectors import PER_PAGE

    listing = Paginator(articles.specific().select_related("feed_image"), PER_PAGE).get_page(
        request.GET.get("trang") if str(request.GET.get("trang", "")).isdigit() else 1
    )
    return render(
        request,
        "portal/taxonomy_page.html",
        {"title": title, "intro": intro, "articles": listing, "filter_query": ""},
    )


def field_articles(request: HttpRequest, code: str) -> HttpResponse:
    """Every published article of a legal field (lĩnh vực), newest first."""
    from django.http import Http404

    from .selectors import articles_for_field

    field, articles = articles_for_field(code)
    if field is None:
        raise Http404(_("Không có lĩnh vực này."))
    return _taxonomy_listing(
        request,
        title=_("Lĩnh vực: %(name)s") % {"name": field.name},
        intro=_("Tin tức, hướng dẫn, tình huống và tài liệu về lĩnh vực %(name)s.")
        % {"name": field.name},
        articles=articles,
    )


def audience_articles(request: HttpRequest, code: str) -> HttpResponse:
    """Every published article written for an audience (đối tượng), newest first."""
    from django.http import Http404

    from .selectors import articles_for_audience

    audience, articles = articles_for_audience(code)
    if audience is None:
        raise Http404(_("Không có đối tượng này."))
    return _taxonomy_listing(
        request,
        title=_("Dành cho: %(name)s") % {"name": audience.name},
        intro=audience.description,
        articles=articles,
    )


# ----------------------------------------------------------------------------- feedback
FEEDBACK_HONEYPOT = "website"


def _same_site_post(request: HttpRequest) -> bool:
    """False for a post another site made the browser send (its Origin or Sec-Fetch-Site).

    The feedback form sits on cached pages shared by every reader, so it carries no CSRF
    token; these two headers, sent by every current browser, replace it.
    """
    from urllib.parse import urlsplit

    from django.conf import settings

    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parts = urlsplit(origin)
    return bool(parts.scheme in ("http", "https") and parts.netloc == request.get_host())


def _feedback_page(request: HttpRequest, *, status: int, message: str, back: str) -> HttpResponse:
    from django.shortcuts import render

    return render(
        request,
        "portal/feedback_done.html",
        {"message": message, "back": back, "is_error": status >= 400, "no_feedback": True},
        status=status,
    )


@csrf_exempt
@never_cache
@require_http_methods(["POST"])
def page_feedback_submit(request: HttpRequest) -> HttpResponse:
    """Record "Thông tin này có hữu ích không?" for a page, then go back to it.

    POST ``path`` (the page's local path), ``helpful`` = yes | no, ``comment`` (optional,
    ≤ 1,000 characters, no personal data asked). Success: 303 to
    ``<path>?phan_hoi=cam-on#phan-hoi``, where the page thanks the reader. A cross-site
    post: 403; over the rate limit: 429 with Retry-After; bad input: 400 — each a page
    saying why, nothing stored. A filled honeypot field looks like success, storing
    nothing.
    """
    from django.utils import translation

    from .feedback import (
        COMMENT_MAX_CHARS,
        FeedbackError,
        feedback_path_clean,
        feedback_rate_limit,
        page_feedback_record,
    )
    from .routing import content_language_of_path

    raw_path = request.POST.get("path", "")
    try:
        path = feedback_path_clean(raw_path)
    except FeedbackError:
        path = ""
    back = safe_next_url(request, path or None)
    if not _same_site_post(request):
        return _feedback_page(
            request,
            status=403,
            message=_("Ý kiến chỉ gửi được từ chính các trang của cổng này."),
            back=back,
        )
    rate = feedback_rate_limit(request)
    if not rate.allowed:
        response = _feedback_page(
            request,
            status=429,
            message=_(
                "Bạn đã gửi quá nhiều ý kiến trong thời gian ngắn. "
                "Xin vui lòng thử lại sau %(minutes)d phút."
            )
            % {"minutes": max(1, round(rate.retry_after / 60))},
            back=back,
        )
        response["Retry-After"] = str(rate.retry_after)
        return response
    thanks = safe_next_url(request, f"{path}?phan_hoi=cam-on#phan-hoi" if path else None)
    if request.POST.get(FEEDBACK_HONEYPOT):
        return HttpResponseRedirect(thanks, status=303)
    if not path:
        return _feedback_page(
            request, status=400, message=_("Địa chỉ trang không hợp lệ."), back=back
        )
    helpful = {"yes": True, "no": False}.get(request.POST.get("helpful", ""))
    if helpful is None:
        return _feedback_page(
            request,
            status=400,
            message=_("Xin hãy chọn “Có” hoặc “Không” để trả lời."),
            back=back,
        )
    comment = request.POST.get("comment", "")
    if len(comment) > COMMENT_MAX_CHARS:
        return _feedback_page(
            request,
            status=400,
            message=_("Góp ý tối đa 1.000 ký tự (bạn đã viết %(count)s ký tự).")
            % {"count": f"{len(comment):,}".replace(",", ".")},
            back=back,
        )
    try:
        page_feedback_record(
            path=path,
            helpful=helpful,
            comment=comment,
            language=content_language_of_path(path) or translation.get_language(),
            site=_site_for(request),
        )
    except FeedbackError as exc:
        return _feedback_page(request, status=400, message=str(exc), back=back)
    return HttpResponseRedirect(thanks, status=303)


def _site_for(request: HttpRequest):
    from wagtail.models import Site

    return Site.find_for_request(request)


# ----------------------------------------------------------------------------- my commune
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def local_commune_choose(request: HttpRequest) -> HttpResponse:
    """ "Xem thông tin của xã/phường tôi": choose (or clear) the reader's commune.

    GET shows the choice: a search by name (``q``, with or without diacritics) and the
    whole list grouped by kind; both work without JavaScript. POST ``unit`` = a commune
    code stores it in a cookie (no account, nothing else kept) and goes back to ``next``
    (303) with a message; POST ``clear`` removes it. An unknown, merged-away or malformed
    code is refused (400) with the reason, storing nothing. The forms also sit on cached
    pages (the header's "Bỏ chọn"), so, like the feedback form, they carry no CSRF token:
    a post another site made the browser send is refused (403).
    """
    from django.contrib import messages
    from django.shortcuts import render
    from django.urls import reverse

    from pbgdpl.people.communes import (
        commune_by_code,
        commune_groups,
        communes_search,
        communes_span_provinces,
    )

    from .local import COOKIE_MAX_AGE, COOKIE_NAME, local_commune, local_commune_code_raw

    data = request.POST if request.method == "POST" else request.GET
    here = reverse("portal:local-commune")
    back = safe_next_url(request, data.get("next"))
    if back.split("?", 1)[0] == here:
        back = "/"
    error = ""
    status = 200
    if request.method == "POST":
        if not _same_site_post(request):
            return _feedback_page(
                request,
                status=403,
                message=_("Lựa chọn xã, phường chỉ gửi được từ chính các trang của cổng này."),
                back=back,
            )
        if "clear" in request.POST:
            messages.info(request, _("Đã bỏ chọn xã, phường. Trang chủ hiện thông tin chung."))
            response = HttpResponseRedirect(back, status=303)
            response.delete_cookie(COOKIE_NAME, samesite="Lax")
            return response
        commune = commune_by_code(request.POST.get("unit", ""))
        if commune is not None:
            messages.success(
                request,
                _("Đã chọn %(name)s: trang chủ hiện trước tin tức và hỏi đáp của nơi này.")
                % {"name": commune.name},
            )
            response = HttpResponseRedirect(back, status=303)
            response.set_cookie(
                COOKIE_NAME,
                commune.code,
                max_age=COOKIE_MAX_AGE,
                samesite="Lax",
                secure=request.is_secure(),
                httponly=True,
            )
            return response
        status = 400
        error = (
            _("Xin hãy chọn một xã, phường hoặc đặc khu trong danh sách.")
            if not request.POST.get("unit", "").strip()
            else _(
                "Không có xã, phường, đặc khu nào đang có hiệu lực với mã này (có thể đơn vị "
                "đã được sắp xếp, sáp nhập từ ngày 01/07/2025). Xin hãy chọn lại trong danh "
                "sách; lựa chọn chưa được lưu."
            )
        )
    query = request.GET.get("q", "").strip()[:100]
    current = local_commune(request)
    return render(
        request,
        "portal/local_commune.html",
        {
            "current": current,
            "stale": bool(local_commune_code_raw(request)) and current is None,
            "groups": commune_groups(),
            "several_provinces": communes_span_provinces(),
            "query": query,
            "results": communes_search(query) if query else [],
            "back": back,
            "error": error,
            "no_feedback": True,
        },
        status=status,
    )
