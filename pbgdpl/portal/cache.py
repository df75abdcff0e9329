"""Whole-page cache of the public pages for anonymous readers.

Readers without a session (nearly every citizen) get the same HTML for a URL, given their
display preferences, language and chosen commune (``local.py``); that HTML is kept in the
Django cache for ``settings.PAGE_CACHE_SECONDS`` (default 300) and served without touching
the database.

Invalidation is by generation: every key holds the current generation token, and
:func:`page_cache_invalidate` (called whenever a page is published, unpublished or
deleted) replaces the token, so every cached page is stale at once for every process that
shares the cache (Redis across app servers). With the process-local memory cache each
process would keep its own token, so there the token lives in a small file instead
(``settings.PAGE_CACHE_GENERATION_FILE``, default ``VAR_DIR/page_cache_generation``) that
every process on the machine checks with one ``stat()`` per request.

Two layers, one cache entry:

* :func:`page_cache` wraps the view that serves Wagtail pages (``routing.page_serve``):
  it opts those responses in, and on its own (without the middleware) looks up and stores
  responses around the view.
* :class:`PageCacheMiddleware`, placed right after WhiteNoise in ``MIDDLEWARE`` (only the
  page-view counter, ``middleware.LocalPageViewMiddleware``, sits between), answers a
  hit before the rest of the middleware stack and URL routing run (about a quarter of the
  cost of a hit at view level), and stores the final response — with the headers the
  inner middleware added (CSP, X-Frame-Options, Vary, Content-Language) — of requests the
  decorator opted in. It never looks at requests with a session cookie: without one, no
  user can be logged in (sessions are the only authentication of the site).

Entries hold only bytes and headers: no per-request secret may be in a cached page (no
CSRF token — a page that used one is not stored —, no CSP nonce).

Nothing here is module-level mutable state: two processes always agree.
"""

import hashlib
import logging
import os
import re
import secrets
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.cache import patch_vary_headers

from .context_processors import preferences_from_request
from .local import local_commune

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
# Request attributes: the middleware looked up this key and missed (the view then neither
# looks up nor stores); the decorator opted the response in (the middleware stores it).
LOOKED_UP_ATTR = "_page_cache_looked_up"
OPTED_IN_ATTR = "_page_cache_opted_in"
# Paths the middleware never looks up (no Wagtail page lives there). PAGE_CACHE_SKIP_PREFIXES
# replaces the list.
SKIP_PREFIXES = ("/api/", "/admin/", "/static/", "/media/", "/documents/", "/healthz")
GENERATION_KEY = "portal:page-cache:generation"
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
KEY_PREFIX = "portal:page-cache:v1"
DEFAULT_SECONDS = 300
# Cache-Control directives set by a view that forbid sharing its response.
PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")
# Headers that are never replayed from the cache (the middleware adds them per request).
NOT_STORED_HEADERS = {"set-cookie", HEADER.lower()}


def _seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def _new_token() -> str:
    # Time-ordered and random: a token is never reused, even after the cache lost the key.
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def _process_local_cache() -> bool:
    # (``cache`` is a proxy: ask the backend object itself.)
    return isinstance(caches["default"], LocMemCache)


def _generation_file() -> str:
    configured = getattr(settings, "PAGE_CACHE_GENERATION_FILE", None)
    return str(configured or os.path.join(settings.VAR_DIR, "page_cache_generation"))


def _file_generation() -> str:
    """The generation of the machine-wide file: its inode and modification time."""
    path = _generation_file()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if not _file_bump(path):
            return "no-file"
        return _file_generation()
    except OSError:
        return "no-file"
    return f"{st.st_ino:x}.{st.st_mtime_ns:x}"


def _file_bump(path_name: str) -> bool:
    """Replace the file atomically (a new inode: a new generation); False if impossible."""
    path = Path(path_name)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(_new_token())
        os.replace(tmp, path)
    except OSError:
        return False
    return True


def page_cache_generation() -> str:
    """The current generation token (changes on every :func:`page_cache_invalidate`)."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, _new_token(), timeout=None)
        token = cache.get(GENERATION_KEY) or ""
    if _process_local_cache():
        token = f"{token}:{_file_generation()}"
    return token


def _bump() -> None:
    cache.set(GENERATION_KEY, _new_token(), timeout=None)
    if _process_local_cache() and not _file_bump(_generation_file()):
        # A read-only disk: each process then only sees its own invalidations.
        logger.warning(
            "page cache: cannot write %s; other processes keep their cached pages until "
            "they expire (set REDIS_URL for a shared cache)",
            _generation_file(),
        )


def page_cache_invalidate() -> None:
    """Make every cached page stale, in every process sharing the cache.

    Bumps now (so this request and the ones after it see the change) and again once the
    current transaction commits: a page rendered by another request from the data before
    the commit is stored under the generation it read first, which the second bump makes
    stale.
    """
    _bump()
    transaction.on_commit(_bump)


def _key(request: HttpRequest, generation: str) -> str:
    language_cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if language_cookie not in {code for code, _name in settings.LANGUAGES}:
        language_cookie = ""
    # The interface language follows from the path prefix and the language cookie (see
    # core.middleware.ChosenLanguageMiddleware): both are in the key.
    parts = [
        request.scheme or "",
        request.get_host(),
        request.get_full_path(),
        # Normalised, so a tampered cookie cannot create new entries.
        preferences_from_request(request).cookie_value(),
        language_cookie,
        # The reader's commune (header, local news first): only a valid code counts.
        commune.code if (commune := local_commune(request)) else "",
        # GZipMiddleware runs inside the cache: gzip and plain clients get their own copy.
        "gzip" if _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "",
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{generation}:{digest}"


def _request_cacheable(request: HttpRequest, *, check_user: bool = True) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies:
        return False
    # A pending flash message is shown once, to one reader.
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return False
    if not check_user:
        return True
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _response_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in PRIVATE_DIRECTIVES):
        return False
    if getattr(request, "is_preview", False):
        return False
    # The page used a CSRF token (a form for this reader): it is not shareable.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    # Reading the session or the user during rendering is fine (nothing is there for a
    # reader without a session cookie); writing the session is not.
    session = getattr(request, "session", None)
    return not (session is not None and session.modified)


def _store(key: str, request: HttpRequest, response: HttpResponse) -> None:
    if not _response_cacheable(request, response):
        return
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS
    ]
    cache.set(key, (response.status_code, headers, response.content), _seconds())


def _replay(entry: Any) -> HttpResponse | None:
    try:
        status, headers, content = entry
    except (TypeError, ValueError):
        return None
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def page_cache(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve anonymous GET/HEAD requests of ``view`` from the page cache.

    Only a 200 response without cookies, without ``Cache-Control: private/no-cache/
    no-store``, not a preview and that did not use a CSRF token is stored. A request with
    a session cookie or a logged-in user is never served from (nor stored into) the cache.
    Responses say ``X-Page-Cache: hit`` or ``miss`` when the cache was consulted, and
    always ``Vary: Cookie`` (pages differ by the preference cookies). With
    :class:`PageCacheMiddleware` installed, the middleware does the lookup and the storing.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _request_cacheable(request):
            return view(request, *args, **kwargs)
        looked_up = getattr(request, LOOKED_UP_ATTR, False)
        if not looked_up:
            key = _key(request, page_cache_generation())
            cached = _replay(cache.get(key))
            if cached is not None:
                cached[HEADER] = "hit"
                patch_vary_headers(cached, ("Cookie",))
                return cached
        response = view(request, *args, **kwargs)
        response[HEADER] = "miss"
        patch_vary_headers(response, ("Cookie",))
        if looked_up:
            setattr(request, OPTED_IN_ATTR, True)  # the middleware stores the final response
        elif isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            # Store what is finally sent: after rendering (the CSRF check needs it).
            response.add_post_render_callback(lambda r: _store(key, request, r))
        else:
            _store(key, request, response)
        return response

    return wrapper


class PageCacheMiddleware:
    """Answer page-cache hits before the rest of the stack; store opted-in responses.

    Place it right after ``whitenoise.middleware.WhiteNoiseMiddleware``. It only serves
    what :func:`page_cache` let in, so views without the decorator are never cached.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        skip = tuple(getattr(settings, "PAGE_CACHE_SKIP_PREFIXES", SKIP_PREFIXES))
        if request.path_info.startswith(skip) or not _request_cacheable(request, check_user=False):
            return self.get_response(request)
        key = _key(request, page_cache_generation())
        cached = _replay(cache.get(key))
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        setattr(request, LOOKED_UP_ATTR, True)
        response = self.get_response(request)
        if getattr(request, OPTED_IN_ATTR, False):
            _store(key, request, response)
        return response
