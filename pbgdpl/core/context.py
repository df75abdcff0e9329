"""The acting user and client IP of the current request, for the audit log.

Held in a ContextVar so that it is correct under threads and async alike and never
leaks between requests.
"""

import contextlib
import ipaddress
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest


@dataclass(frozen=True)
class RequestContext:
    user: Any = None
    ip: str | None = None


_EMPTY = RequestContext()
_current: ContextVar[RequestContext | None] = ContextVar("pbgdpl_request_context", default=None)


def current_context() -> RequestContext:
    """The context of the request being served (empty outside a request)."""
    return _current.get() or _EMPTY


@contextlib.contextmanager
def request_context(*, user: Any = None, ip: str | None = None) -> Iterator[None]:
    """Set the acting user and IP for the code run inside the block."""
    token = _current.set(RequestContext(user=user, ip=ip))
    try:
        yield
    finally:
        _current.reset(token)


def client_ip(request: HttpRequest) -> str | None:
    """The client IP: REMOTE_ADDR, or the one reported by PROXY_COUNT trusted proxies."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", None) or 0
    candidate = request.META.get("REMOTE_ADDR")
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate)) if candidate else None
    except ValueError:
        return None
