"""Public codes people read aloud, type or copy: a prefix and 10 characters of Crockford's
base 32 in two groups ("HD-7K4M2-QXR0Z"). 50 bits of randomness make guessing one
hopeless; the alphabet has no I, L, O or U, and typing O for 0 or I/L for 1 is forgiven."""

import re
import secrets

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10


def public_code_new(prefix: str) -> str:
    """A new random code with ``prefix`` (the caller ensures uniqueness by its index)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{prefix}-{raw[:5]}-{raw[5:]}"


def public_code_normalize(code: str, *, prefix: str) -> str:
    """The canonical form of a code as typed ("hd-7k4m2-qxr0z", spaces, dashes, O for 0,
    I/L for 1) — "HD-7K4M2-QXR0Z"; "" when it cannot be a code with ``prefix``."""
    raw = re.sub(r"[\s\-_.]", "", (code or "").upper())
    if raw.startswith(prefix):
        raw = raw[len(prefix) :]
    raw = raw.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return f"{prefix}-{raw[:5]}-{raw[5:]}"
