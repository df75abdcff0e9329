"""URL routing of Wagtail pages by content language.

Vietnamese pages have no prefix (``/tin-tuc/…``); a translation lives under its
language code (``/en/news/…``, ``/jra/…``). The prefix alone decides which language's
page tree a URL routes into, whatever interface language the reader chose with the
language link, so one URL always shows the same page (caches, feeds and shared links
stay right).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import URLResolver, path, re_path
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.urls import serve_pattern

from .cache import page_cache


def content_language_of_path(path_info: str) -> str:
    """The content language a path belongs to: its prefix language, else Vietnamese."""
    first = path_info.lstrip("/").split("/", 1)[0]
    if first in settings.PREFIXED_CONTENT_LANGUAGES:
        return first
    return settings.LANGUAGE_CODE


class ContentLocalePrefixPattern(LocalePrefixPattern):
    """Like Django's locale prefix, but matched by the path, not by the active language.

    Reversing still follows the active language (Wagtail reverses a page's URL with its
    locale active), giving ``""`` for Vietnamese and ``"en/"``, ``"jra/"`` otherwise.
    """

    def __init__(self) -> None:
        super().__init__(prefix_default_language=False)

    def match(self, path: str):
        first = path.split("/", 1)[0]
        if first in settings.PREFIXED_CONTENT_LANGUAGES and path.startswith(first + "/"):
            return path[len(first) + 1 :], (), {}
        return path, (), {}


@page_cache
def page_serve(request: HttpRequest, path: str) -> HttpResponse:
    """Serve a Wagtail page from the page tree of the URL's content language.

    Anonymous readers are served from the page cache (see ``portal.cache``).
    """
    with translation.override(content_language_of_path(request.path_info)):
        # Wagtail caches the route on the request; its serve() then reuses it.
        Page.route_for_request(request, path)
    return wagtail_views.serve(request, path)


def page_urlpatterns() -> list[URLResolver]:
    """Wagtail's public URLs, under the content-language prefix."""
    from django.contrib.auth import views as auth_views
    from wagtail.urls import WAGTAIL_FRONTEND_LOGIN_TEMPLATE

    patterns = [
        path(
            "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
            wagtail_views.authenticate_with_password,
            name="wagtailcore_authenticate_with_password",
        ),
        path(
            "_util/login/",
            auth_views.LoginView.as_view(template_name=WAGTAIL_FRONTEND_LOGIN_TEMPLATE),
            name="wagtailcore_login",
        ),
        re_path(serve_pattern, page_serve, name="wagtail_serve"),
    ]
    return [URLResolver(ContentLocalePrefixPattern(), patterns)]


def page_for_path(request: HttpRequest, path: str) -> Page | None:
    """The live Wagtail page a local URL path shows, or None (not a page, or unknown)."""
    from django.http import Http404
    from django.urls import Resolver404, resolve
    from wagtail.models import Site

    try:
        match = resolve(path.split("?", 1)[0])
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [c for c in (match.args[0] if match.args else "").split("/") if c]
    with translation.override(content_language_of_path(path)):
        try:
            page, _args, _kwargs = site.root_page.localized.specific.route(request, components)
        except Http404:
            return None
    return page
