"""The reader's own commune ("Xem thông tin của xã/phường tôi"), kept in a cookie.

The cookie holds only a unit code. Anything that is not the code of a commune, ward or
special zone in force today (unknown, merged away, tampered) is ignored: the reader is
then treated as having chosen nothing. The check reads the cached commune list
(``people.communes``), so it costs no query on a page-cache hit.
"""

import re
from functools import lru_cache

from django.http import HttpRequest

from pbgdpl.people.communes import Commune, commune_by_code

COOKIE_NAME = "pbgdpl_xa"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60  # one year
_REQUEST_ATTR = "_pbgdpl_local_commune"
_MISSING = object()

# Clients that are not a person reading: crawlers, link previews, monitors, scripts, and
# headless browsers. An empty User-Agent counts as one too.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|monitor|uptime|scan|check|lighthouse|"
    r"headless|phantom|curl|wget|python|httpx|aiohttp|libwww|java/|go-http|okhttp|"
    r"facebookexternalhit|feedfetcher|\bfetch",
    re.IGNORECASE,
)


def local_commune_code_raw(request: HttpRequest) -> str:
    """What the cookie says, unchecked ("" when there is none)."""
    return request.COOKIES.get(COOKIE_NAME, "")[:40]


def local_commune(request: HttpRequest | None) -> Commune | None:
    """The commune the reader chose, if their cookie names one in force today."""
    if request is None:
        return None
    found = getattr(request, _REQUEST_ATTR, _MISSING)
    if found is _MISSING:
        raw = local_commune_code_raw(request)
        found = commune_by_code(raw) if raw else None
        setattr(request, _REQUEST_ATTR, found)
    return found  # type: ignore[return-value]


def is_bot(request: HttpRequest) -> bool:
    """True for a client that does not look like a person's browser."""
    return _agent_is_bot(request.META.get("HTTP_USER_AGENT", "")[:512])


@lru_cache(maxsize=512)
def _agent_is_bot(agent: str) -> bool:
    # A handful of browsers make most requests: their answers are remembered.
    return not agent.strip() or bool(BOT_USER_AGENT.search(agent))


def is_prefetch(request: HttpRequest) -> bool:
    """True for a speculative fetch (the browser may never show the page)."""
    purpose = request.META.get("HTTP_SEC_PURPOSE", "") or request.META.get("HTTP_PURPOSE", "")
    return "prefetch" in purpose.lower() or "prerender" in purpose.lower()
