"""Small helpers shared by the parsers: dates, Roman numerals, Vietnamese number words."""

import re
from datetime import date
from functools import lru_cache

from pbgdpl.core.text import fold

# "14/02/2015", "14-02-2015", "14.02.2015" or "14 tháng 02 năm 2015" (also glued: "2011của").
DATE_PATTERN = (
    r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
    r"|\d{1,2}\s*tháng\s*\d{1,2}\s*,?\s*năm\s*\d{4})"
)
_DATE_PARTS_RE = re.compile(r"(\d{1,2})\D+?(\d{1,2})\D+?(\d{4})")


@lru_cache(maxsize=4096)
def date_parse(text: str) -> date | None:
    """The date in a piece of text matched by ``DATE_PATTERN`` (day, month, year in that
    order); None when there is none or it is not a real date ("31/02/2015")."""
    m = _DATE_PARTS_RE.search(text)
    if m is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


_ROMAN_RE = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(text: str) -> int | None:
    """``"XIV"`` -> 14 (case-insensitive); None if ``text`` is not a valid Roman numeral."""
    text = text.upper()
    if not text or _ROMAN_RE.fullmatch(text) is None:
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


# Folded Vietnamese number words, as used in "Phần thứ nhất", "Phần hai", "thứ mười hai".
_UNITS = {
    "mot": 1, "nhat": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6,
    "bay": 7, "tam": 8, "chin": 9,
}  # fmt: skip
NUMBER_WORDS = frozenset({*_UNITS, "muoi", "thu"})


def vietnamese_number(text: str) -> int | None:
    """The value of a Vietnamese ordinal or cardinal from 1 to 99 written in words:
    ``"thứ nhất"`` -> 1, ``"hai"`` -> 2, ``"THỨ TƯ"`` -> 4, ``"mười hai"`` -> 12,
    ``"hai mươi mốt"`` -> 21. None when the words are not such a number."""
    words = fold(text).split()
    if words and words[0] == "thu":
        words = words[1:]
    if not words or len(words) > 3:
        return None
    if words[0] == "muoi":  # 10..19
        if len(words) == 1:
            return 10
        unit = _UNITS.get(words[1]) if len(words) == 2 else None
        return 10 + unit if unit and words[1] != "nhat" else None
    tens = _UNITS.get(words[0])
    if tens is None:
        return None
    if len(words) == 1:
        return tens
    if words[1] != "muoi" or tens < 2 or words[0] == "nhat":
        return None
    if len(words) == 2:
        return tens * 10
    unit = _UNITS.get(words[2])
    return tens * 10 + unit if unit and words[2] != "nhat" else None


def slug_number(number: str) -> str:
    """A number as printed, made safe for ids: lower case, no diacritics, ``đ`` -> ``dd``
    (so that "5đ" and "5d" stay distinct), anything else than a-z0-9 -> "-"."""
    text = number.replace("đ", "dd").replace("Đ", "dd")
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
