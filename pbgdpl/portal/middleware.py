"""Counting anonymous page views by the commune the reader chose (for the indicators)."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from pbgdpl.people.communes import today_local

from .cache import SKIP_PREFIXES
from .local import COOKIE_NAME, is_bot, is_prefetch, local_commune
from .services import local_page_view_add

logger = logging.getLogger(__name__)

# Besides the page cache's own (api, admin, static, media, documents, healthz): the
# account pages are not anonymous reading.
NOT_COUNTED_PREFIXES = ("/tai-khoan/", "/django-admin/")


class LocalPageViewMiddleware:
    """Count each public HTML page an anonymous reader with a chosen commune gets.

    Counted: GET answered 200 with an HTML page, served from the page cache or not (place
    this middleware before ``PageCacheMiddleware`` so it sees the cache's answers), to a
    client that is neither logged in, nor a bot, nor prefetching. Not counted: static
    files, media, the API, the back office, redirects, errors, readers who chose no
    commune. Only (commune, day) is counted: ``services.local_page_view_add``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        try:
            if COOKIE_NAME in request.COOKIES and _counted(request, response):
                commune = local_commune(request)
                if commune is not None:
                    local_page_view_add(unit_id=commune.id, day=today_local())
        except Exception:
            # A statistic must never break a page.
            logger.warning("local page views: not counted", exc_info=True)
        return response


def _counted(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or response.status_code != 200:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    skip = tuple(getattr(settings, "PAGE_CACHE_SKIP_PREFIXES", SKIP_PREFIXES))
    if request.path_info.startswith(skip + NOT_COUNTED_PREFIXES):
        return False
    if is_bot(request) or is_prefetch(request):
        return False
    # On a page-cache hit the authentication middleware did not run: a hit is only served
    # to a request without a session, hence never to a logged-in user.
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)
