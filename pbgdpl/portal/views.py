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
    """Switch the reader's language (``lang`` = vi | en) with a cookie, then go back.

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
    response = HttpResponseRedirect(safe_next_url(request, request.GET.get("next")))
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
