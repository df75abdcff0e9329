"""Fixed-window rate limits per client address, in the shared cache.

The address is only used as a keyed hash (SECRET_KEY) inside a cache key that expires
with its window; it is never stored in the database. With Redis (REDIS_URL) every app
server counts against the same limit.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from .context import client_ip


@dataclass(frozen=True)
class RateLimit:
    """The outcome of counting one request: allowed or not, and when the window ends."""

    allowed: bool
    retry_after: int  # seconds until the current window ends
    count: int = 0  # requests counted in the window, this one included


def rate_limit_hit(request: HttpRequest, *, scope: str, limit: int, window: int) -> RateLimit:
    """Count this request against ``limit`` requests per ``window`` seconds for its client
    address within ``scope`` ("portal.feedback", "qa.ask"). Requests over the limit are
    counted too (a client that keeps hammering stays blocked until the window ends)."""
    now = time.time()
    bucket = int(now // window)
    who = salted_hmac(f"pbgdpl.ratelimit.{scope}", client_ip(request) or "unknown").hexdigest()
    key = f"ratelimit:{scope}:{bucket}:{who[:32]}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    retry_after = max(1, int((bucket + 1) * window - now) + 1)
    return RateLimit(allowed=count <= limit, retry_after=retry_after, count=count)
