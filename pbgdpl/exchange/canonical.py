"""The canonical JSON of shared data and its hash (the same on every node).

Canonical form: UTF-8 JSON, keys sorted, no insignificant whitespace, non-ASCII kept
as is (``ensure_ascii=False``). The hash is the SHA-256 of those bytes, in hex. Two nodes
holding the same data therefore hold the same hash, whatever their database or Python.
"""

import hashlib
import json
from typing import Any


def canonical_json(data: Any) -> bytes:
    """The canonical UTF-8 JSON bytes of ``data``."""
    return json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def content_hash(data: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``data``."""
    return hashlib.sha256(canonical_json(data)).hexdigest()
