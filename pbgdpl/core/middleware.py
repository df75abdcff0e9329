"""Request-wide middleware: Content-Security-Policy choice and the audit request context."""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .context import client_ip, request_context


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict public policy everywhere; the back-office policy on staff paths.

    Public pages never run inline script. The Wagtail back office still relies on
    inline styles and a few inline scripts, so its paths (settings.CSP_ADMIN_PATH_PREFIXES)
    get settings.CONTENT_SECURITY_POLICY_ADMIN instead — still no third-party origin.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(
            tuple(settings.CSP_ADMIN_PATH_PREFIXES)
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


class RequestContextMiddleware:
    """Expose the acting user and client IP to the audit log for the whole request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        with request_context(user=user, ip=client_ip(request)):
            return self.get_response(request)


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Vietnamese unless the reader chose another language (the language cookie).

    Django's LocaleMiddleware also follows the browser's Accept-Language; many phones in
    Vietnam run an English system language, and the law is in Vietnamese, so the browser
    setting alone must not switch the portal to English. Staff pick their back-office
    language in their Wagtail account; Wagtail applies it itself.

    A path under a content-language prefix (``/en/…``, ``/jra/…``: a translated page) is
    shown in that language whatever the cookie says.
    """

    def process_request(self, request: HttpRequest) -> None:
        first = request.path_info.lstrip("/").split("/", 1)[0]
        if first in getattr(settings, "PREFIXED_CONTENT_LANGUAGES", ()):
            language = first
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
            supported = {code for code, _name in settings.LANGUAGES}
            language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request: HttpRequest, response):
        # The language never depends on Accept-Language here: no "Vary: Accept-Language"
        # (it would split every cache by browser setting); the cookie is covered by
        # "Vary: Cookie".
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
