"""Normalising login identifiers: e-mail addresses and Vietnamese phone numbers."""

import re

_PHONE_CHARS = re.compile(r"[\s.\-()]")
_VN_MOBILE = re.compile(r"^0\d{9,10}$")


def normalize_email(value: str) -> str:
    """Lower-cased, stripped e-mail address."""
    return value.strip().lower()


def normalize_phone(value: str) -> str:
    """A Vietnamese phone number in national form (0xxxxxxxxx).

    Accepts spaces, dots, dashes, brackets and the +84/84 prefix. Raises ValueError
    for anything that is not a 10–11 digit national number.
    """
    digits = _PHONE_CHARS.sub("", value.strip())
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not _VN_MOBILE.match(digits):
        raise ValueError(f"Not a Vietnamese phone number: {value!r}")
    return digits


def looks_like_phone(value: str) -> bool:
    """True when the login text is a phone number rather than an e-mail address."""
    try:
        normalize_phone(value)
    except ValueError:
        return False
    return "@" not in value


def normalize_login(value: str) -> str:
    """One form per person for a login text: national phone number or lower-cased e-mail."""
    value = (value or "").strip()
    if looks_like_phone(value):
        return normalize_phone(value)
    return normalize_email(value)


def axes_username(request, credentials: dict | None) -> str:
    """django-axes: the throttled login, so "+84 912…" and "0912…" count as one person."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return normalize_login(str(raw))[:255]


def phone_masked(phone: str) -> str:
    """A phone number masked for lists and exports, "0905123456" → "0905***456": enough
    to tell two people apart, not to call them; empty stays empty."""
    phone = (phone or "").strip()
    if not phone:
        return ""
    return "***" if len(phone) < 8 else f"{phone[:4]}***{phone[-3:]}"


def email_masked(email: str) -> str:
    """An e-mail address masked: "nguyen.an@example.vn" → "n***@example.vn"; empty stays
    empty."""
    email = (email or "").strip()
    if not email:
        return ""
    local, _sep, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"
