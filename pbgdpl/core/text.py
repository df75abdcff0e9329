"""Vietnamese text handling: the one place for it.

Everything that compares, indexes or displays Vietnamese text goes through these
functions, so that the same words always meet in the same form.

* :func:`normalize` -- the canonical text form (NFC, tidy white space, one tone-mark style).
* :func:`fold` -- the matching form: ``normalize`` + no diacritics, ``đ`` -> ``d``, casefolded.
* :func:`tokenize` / :func:`tokenize_folded` -- plain word tokens for search; a document
  number such as ``14/2012/QH13`` is one token.
* :class:`DocumentNumber`, :func:`parse_document_number`, :func:`normalize_document_number`,
  :func:`find_document_numbers` -- the số ký hiệu of legal documents.

Only the standard library is used.

Tone-mark placement
-------------------
Vietnamese has two spellings for open syllables whose vowel is ``oa``, ``oe`` or ``uy``:
the "old" style puts the tone mark on the second vowel (``hoà``, ``khoẻ``, ``thuỷ``,
``uỷ``), the "new" style on the first (``hòa``, ``khỏe``, ``thủy``, ``ủy``). We
canonicalise to the **new style** (mark on ``o``/``u``) because that is what the
official corpus we serve uses. Measured on the data in ``../shared/data``:

* Bộ pháp điển (69,705 articles): new 131,491 vs old 9,403 syllables (93 % new);
  e.g. ``ủy`` 33,221 vs ``uỷ`` 1,777; ``hóa`` 31,843 vs ``hoá`` 2,846.
* ALQAC 2024 laws: new 4,545 vs old 653 (87 % new); ALQAC questions 315 vs 35.

Normalising to the majority style changes the fewest characters of stored text, and
either input style gives the same output, so the choice does not affect matching.
Only syllables that end in the cluster are affected: with a final consonant or a third
vowel both styles agree (``hoàng``, ``toán``, ``ngoài``, ``thuyền``, ``khuỷu``), and in
``qu`` + ``y`` the ``u`` belongs to the consonant, so ``quý`` never moves.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import strip_tags

__all__ = [
    "DocumentNumber",
    "find_document_numbers",
    "fold",
    "fold_clean",
    "normalize",
    "normalize_document_number",
    "parse_document_number",
    "tokenize",
    "tokenize_folded",
]

# --------------------------------------------------------------------------- normalize

# Invisible format characters: soft hyphen, Arabic letter mark, Mongolian vowel separator,
# zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings and isolates, word joiner
# and invisible operators, BOM. They are removed (not turned into spaces): they render as
# nothing, and in pasted text they mostly sit inside words ("phá\u200bp luật").
_INVISIBLE_RE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
# Every Unicode white space (\s covers NBSP, the U+2000 spaces, line/paragraph separators,
# ideographic space ...) and the remaining C0/C1 control characters. The pattern matches
# only runs that need rewriting: a lone ASCII space is left alone (much faster).
_WS = r"[\s\x00-\x08\x0e-\x1f\x7f-\x9f]"
_SPACE_RE = re.compile(rf"(?: {_WS}|(?! ){_WS}){_WS}*")
# A look-alike found in legacy Vietnamese text: the Icelandic capital eth "Ð" (U+00D0)
# is drawn exactly like "Đ" (U+0110) and old fonts and converters used it for "Đ".
_ETH, _D_BAR = "\u00d0", "\u0110"

# The nucleus of an old-style syllable in NFC text (NFC composes every toned Vietnamese
# vowel): "o" + toned a/e, or "u" + toned y. The rest of the rule is checked in Python,
# which keeps the search on the regex engine's fast first-character path.
_OLD_NUCLEUS_RE = re.compile("[oO][áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ]")
_CONSONANTS = frozenset("bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX")


def _is_letter_or_mark(ch: str) -> bool:
    return ch.isalpha() or "\u0300" <= ch <= "\u036f"


def _to_new_style(text: str) -> str:
    """Move the tone mark of every old-style open oa/oe/uy syllable onto its first vowel.

    The syllable is: optional initial consonant letters, the nucleus, and no letter or
    combining mark on either side ("hoà" yes; "hoàng", "ngoài", "thoại" no). After "q"
    the "u" is part of the consonant, so "quý" keeps its mark on the "y".
    """
    out: list[str] = []
    done = 0
    for m in _OLD_NUCLEUS_RE.finditer(text):
        start, end = m.span()
        if end < len(text) and _is_letter_or_mark(text[end]):
            continue
        begin = start
        while begin and text[begin - 1] in _CONSONANTS:
            begin -= 1
        if begin and _is_letter_or_mark(text[begin - 1]):
            continue
        if begin < start and text[start - 1] in "qQ":
            continue
        first, second = m.group()
        base, tone = unicodedata.normalize("NFD", second)
        out.append(text[done:start])
        out.append(unicodedata.normalize("NFC", first + tone) + base)
        done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def normalize(text: str) -> str:
    """Return the canonical form of ``text``.

    Promises:

    * the result is NFC; NFC and NFD spellings of the same text give the same result;
    * every run of white space (spaces, tabs, newlines, NBSP, the other Unicode spaces,
      control characters) becomes one ASCII space, and the ends are stripped;
    * invisible format characters (zero-width space/joiners, soft hyphen, BOM, bidi
      marks) are removed -- the reader sees nothing there, and in pasted text they
      mostly sit inside words;
    * the capital eth "Ð" (U+00D0), used for "Đ" in legacy text, becomes "Đ";
    * open syllables with ``oa``/``oe``/``uy`` carry their tone on the first vowel
      ("new" style): ``hoà``/``hòa`` -> ``hòa``, ``thuỷ`` -> ``thủy``, ``uỷ ban`` ->
      ``ủy ban``, ``HOÀ`` -> ``HÒA`` (case is kept); ``quý``, ``hoàng``, ``thuyền``,
      ``gìn`` are untouched; see the module docstring for why this style;
    * nothing else changes: letters, case, digits and punctuation are kept;
    * idempotent: ``normalize(normalize(x)) == normalize(x)``.
    """
    text = _to_new_style(_clean(text))
    return unicodedata.normalize("NFC", text)


def _clean(text: str) -> str:
    """``normalize`` without the tone-mark move (which ``fold`` does not need: it drops
    the marks): NFC, no invisible characters, "Đ" for the eth, one space for white space."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    if _ETH in text:
        text = text.replace(_ETH, _D_BAR)
    text = _SPACE_RE.sub(" ", text).strip(" ")
    # Removing invisible characters can bring a base letter and a mark together: NFC again.
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- fold

_LATIN_MARKS_RE = re.compile("[\u0300-\u036f]+")
# Anything that is neither ASCII nor a Latin combining mark (after NFD).
_NOT_ASCII_OR_MARK_RE = re.compile("[^\x00-\x7f\u0300-\u036f]")


def fold(text: str) -> str:
    """Return the matching form of ``text``: what search and look-ups compare.

    ``normalize`` first, then case-folded, every combining diacritic removed and
    ``đ``/``Đ`` turned into ``d`` (``"Ủy ban Nhân dân"`` -> ``"uy ban nhan dan"``,
    ``"42/2022/NĐ-CP"`` -> ``"42/2022/nd-cp"``); white space collapsed as in
    ``normalize``. Other letters and all punctuation are kept. Promises: idempotent
    (``fold(fold(x)) == fold(x)``); NFC and NFD input give the same output; old- and
    new-style tone placement give the same output; text in the Vietnamese alphabet
    (any case, any tone marks) with digits and ASCII punctuation folds to pure ASCII.
    """
    # Tone-mark placement does not matter here: every mark is removed.
    return fold_clean(_clean(text))


def fold_clean(text: str) -> str:
    """``fold`` for text that is already clean (stored text that went through
    :func:`normalize`): the same case folding and diacritic removal, without the
    clean-up pass, so long texts fold several times faster. Line breaks are kept, so
    the result lines up with the input character by character for Vietnamese text."""
    text = unicodedata.normalize("NFD", text.casefold())
    text = text.replace("đ", "d").replace("ð", "d")
    if _NOT_ASCII_OR_MARK_RE.search(text) is None:
        # Plain Vietnamese or English: the only non-ASCII characters left are the marks.
        text = text.encode("ascii", "ignore").decode("ascii")
    else:
        text = _LATIN_MARKS_RE.sub("", text)
        if not text.isascii():
            for mark in {ch for ch in set(text) if unicodedata.combining(ch)}:
                text = text.replace(mark, "")
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        # A mark that stood alone between spaces is gone: tidy the spaces again.
        text = _SPACE_RE.sub(" ", text).strip(" ")
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- document numbers

# Known parts of the code of a số ký hiệu, in canonical spelling (case matters: "TTg").
# Type codes (the form of the document), mostly from Nghị định 30/2020/NĐ-CP, Phụ lục III.
_TYPE_CODES = (
    "L", "PL", "NQ", "NQLT", "NĐ", "QĐ", "CT", "TT", "TTLT", "HD", "HĐ", "KH", "TB", "BC",
    "CĐ", "QC", "QyĐ", "CTr", "ĐA", "TTr", "KL",
)  # fmt: skip
# Issuing bodies. QH and UBTVQH carry the legislature number ("QH13", "UBTVQH15").
_NUMBERED_ISSUERS = ("QH", "UBTVQH")
_ISSUER_CODES = (
    *_NUMBERED_ISSUERS,
    # State leadership and offices
    "CTN", "CP", "TTg", "VPCP", "VPQH", "VPCTN", "HĐBCQG",
    # Ministries and ministry-level bodies (before and after the 2025 reorganisation)
    "BTP", "BCA", "BTC", "BGDĐT", "BLĐTBXH", "BYT", "BNN", "BNNPTNT", "BNNMT", "BTNMT",
    "BXD", "BGTVT", "BCT", "BQP", "BNV", "BKHĐT", "BKHCN", "BTTTT", "BVHTTDL", "BNG",
    "BDTTG", "UBDT", "TTCP", "NHNN", "BHXH", "TCHQ", "BTM", "BVHTT",
    # Courts, procuracy, audit (and the court/procuracy names used before 2002)
    "TANDTC", "VKSNDTC", "KTNN", "HĐTP", "TATC", "VKSTC",
    # Local government and provincial departments
    "HĐND", "UBND", "STP", "SNV", "STC", "SYT", "SGDĐT", "SXD", "SCT",
    # Fatherland Front
    "MTTQ",
)  # fmt: skip
_ISSUER_SET = frozenset(_ISSUER_CODES)


def _build_lookup(key) -> dict[str, str | None]:
    """Map key(canonical) -> canonical. Where several codes share a key, the one written
    in plain ASCII wins ("HD" over "HĐ" for "hd"); otherwise the key is ambiguous (None)."""
    table: dict[str, str | None] = {}
    for canonical in (*_TYPE_CODES, *_ISSUER_CODES):
        k = key(canonical)
        if k not in table:
            table[k] = canonical
            continue
        ascii_codes = {c for c in (table[k], canonical) if c is not None and c.isascii()}
        table[k] = ascii_codes.pop() if len(ascii_codes) == 1 else None
    return table


# Input with diacritics must match a canonical code exactly (case aside): "HĐ" is not "HD".
_EXACT = _build_lookup(str.upper)
# Plain-ASCII input matches by folded form: "nd" -> "NĐ", "ttg" -> "TTg", "bgddt" -> "BGDĐT";
# "hd" is "HD" (Hướng dẫn): "HĐ" (Hợp đồng, Hội đồng) needs its diacritic.
_FOLDED = _build_lookup(fold)


@dataclass(frozen=True, slots=True)
class DocumentNumber:
    """The số ký hiệu of a legal document, e.g. ``14/2012/QH13`` or ``766/QĐ-TTg``.

    ``number`` is the serial number exactly as written (leading zeros and a letter suffix
    kept: "01", "766", "12a"); ``year`` is the year of issue when the number carries one
    (many decisions do not: ``766/QĐ-TTg``); ``code`` is the type/issuer code in canonical
    spelling ("QH13", "NĐ-CP", "QĐ-TTg", "TTLT-BTP-BCA"). Build it with
    :func:`parse_document_number` to get that canonical spelling; the constructor only
    checks the shape. Equal values have equal canonical forms, and vice versa.
    """

    number: str
    year: int | None
    code: str

    def __post_init__(self) -> None:
        for name in ("number", "code"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value or re.search(r"[\s/]", value):
                raise ValueError(f"DocumentNumber.{name} must be non-empty, without / or space")
        year = self.year
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise ValueError("DocumentNumber.year must be an int or None")

    def __str__(self) -> str:
        """The canonical form: ``number/year/code``, or ``number/code`` without a year."""
        if self.year is None:
            return f"{self.number}/{self.code}"
        return f"{self.number}/{self.year}/{self.code}"

    @property
    def folded(self) -> str:
        """``fold`` of the canonical form, for matching: ``42/2022/nd-cp``."""
        return fold(str(self))


_DASHES = "\\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
_SLASHES = "/\u2044\u2215\uff0f"
# One part of a code: a letter, then letters, digits, combining marks, and "&" inside.
_PART = r"[^\W\d_](?:[^\W_]|[\u0300-\u036f]|&(?=[^\W_]))*"
_DOCNUM_RE = re.compile(
    rf"(?<![0-9{_SLASHES}.,{_DASHES}])"
    r"(?P<number>[0-9]{1,6}[A-Za-z]?)"
    rf"\s*[{_SLASHES}]\s*"
    rf"(?:(?P<year>(?:19|20)[0-9]{{2}})\s*[{_SLASHES}]\s*)?"
    rf"(?P<code>{_PART}(?:\s*[{_DASHES}]\s*{_PART})*)"
)
_CODE_SEP_RE = re.compile(rf"(\s*[{_DASHES}]\s*)")
_WORD_BEFORE_RE = re.compile(r"[^\W\d_]+$")
_STANDARD_BEFORE_RE = re.compile(r"[0-9] ?: ?$")


def _segmentations(key: str, lookup: dict[str, str | None], first: bool) -> list[list[str]]:
    """All ways to cut ``key`` into known codes. Only the very first piece of a code may
    be a type code (and only it may be one letter: "LCTN" -> L-CTN); later pieces must
    be issuers of two letters or more."""
    if not key:
        return [[]]
    result = []
    for end in range(1 if first else 2, len(key) + 1):
        canonical = lookup.get(key[:end])
        if canonical is None or (not first and canonical not in _ISSUER_SET):
            continue
        result.extend([canonical, *rest] for rest in _segmentations(key[end:], lookup, False))
    return result


def _resolve_part(raw: str, first: bool) -> tuple[str, bool]:
    """Canonical spelling of one hyphen-separated part of a code, and whether it is known.

    "NĐ" -> ("NĐ", True); "ND" -> ("NĐ", True); "NDCP" -> ("NĐ-CP", True);
    "qh13" -> ("QH13", True); "xyz" -> ("XYZ", False). A glued part is split only when
    the table allows exactly one split with the fewest pieces.
    """
    part = raw.replace("&", "")
    letters = part.rstrip("0123456789")
    digits = part[len(letters) :]
    if part.isascii():
        key, lookup = fold(letters), _FOLDED
    else:
        key, lookup = letters.upper(), _EXACT
    canonical = lookup.get(key)
    if canonical is not None:
        pieces = [canonical]
    else:
        cuts = _segmentations(key, lookup, first)
        fewest = min((len(c) for c in cuts), default=0)
        best = [c for c in cuts if len(c) == fewest]
        if len(best) != 1:
            return normalize(part.upper()), False
        pieces = best[0]
    if digits and pieces[-1] not in _NUMBERED_ISSUERS:
        return normalize(part.upper()), False
    pieces[-1] += digits
    return "-".join(pieces), True


def _split_glued_word(raw: str, first: bool) -> tuple[str, str] | None:
    """For "CPngày" or "TTgngày" return (canonical code, its raw text) of the known code,
    written with capitals, that a lower-case word is glued to; None if there is none."""
    for cut in range(len(raw) - 1, 0, -1):
        head, tail = raw[:cut], raw[cut:]
        if tail.isalpha() and tail.islower() and any(ch.isupper() for ch in head):
            canonical, known = _resolve_part(head, first)
            if known:
                return canonical, head
    return None


def _match_to_number(text: str, m: re.Match[str]) -> tuple[int, DocumentNumber] | None:
    """Validate one regex match; return (end offset, number), or None if it is not one."""
    start = m.start()
    if start and text[start - 1].isalpha():
        # Only "số15/2020/NĐ-CP" (number glued to "số") may touch a letter.
        word = _WORD_BEFORE_RE.search(text, max(0, start - 12), start)
        if word is None or fold(word.group()) != "so":
            return None
    if _STANDARD_BEFORE_RE.search(text, max(0, start - 5), start):
        return None  # "QCVN 5:2010/BKHCN", "QCVN 03 : 2014/BCT": a technical standard
    year = int(m.group("year")) if m.group("year") else None
    pieces = _CODE_SEP_RE.split(m.group("code"))
    parts: list[str] = []
    end = m.start("code")
    for i in range(0, len(pieces), 2):
        sep, raw = (pieces[i - 1] if i else ""), pieces[i]
        canonical, known = _resolve_part(raw, first=not parts)
        if i and not known and sep.strip() != sep:
            break  # "NĐ-CP - Hà Nội": a spaced dash before an unknown word ends the code
        glued = None if known else _split_glued_word(raw, first=not parts)
        if glued is not None:  # "NĐ-CPngày 07 tháng 9": a space is missing
            canonical, raw = glued
            parts.append(canonical)
            end += len(sep) + len(raw)
            break
        if not parts and not known:
            letters = raw.replace("&", "")
            if year is None or len(letters) < 2 or not letters.isupper():
                return None  # "5/Hà Nội", "1/ab", "12/2020/abc": not a document number
        parts.append(canonical)
        end += len(sep) + len(raw)
    return end, DocumentNumber(number=m.group("number"), year=year, code="-".join(parts))


def _scan_document_numbers(text: str):
    """Yield (start, end, DocumentNumber) for every document number in normalized text."""
    pos = 0
    while True:
        m = _DOCNUM_RE.search(text, pos)
        if m is None:
            return
        found = _match_to_number(text, m)
        if found is None:
            pos = m.start() + 1
            continue
        end, number = found
        yield m.start(), end, number
        pos = end


def find_document_numbers(text: str) -> list[DocumentNumber]:
    """Every document number in a running text, in order of appearance (repeats kept).

    Recognises ``number/year/code`` and ``number/code`` with messy spacing, dashes and
    spelling (see :func:`parse_document_number`). Dates such as ``13/11/2008`` or
    ``01/07/2009`` are never taken (a code starts with a letter), nor technical standards
    (``QCVN 5:2010/BKHCN``). A number without a year needs a code that starts with a
    known abbreviation (``766/QĐ-TTg``, not ``5/Hà``); with a year, an unknown code is
    accepted only when written in capitals (``12/2020/ABC``, not ``12/2020/abc``).
    """
    return [number for _, _, number in _scan_document_numbers(normalize(text))]


def parse_document_number(text: str) -> DocumentNumber:
    """Parse a số ký hiệu typed by a person or found in a citation.

    Accepts surrounding words ("Luật số 24/2008/QH12", "số 15/2020/NĐ-CP ngày ...") and
    repairs common mess: spaces around "/" ("01 /2018/TT-VPCP"), any dash ("NĐ–CP"),
    a missing hyphen ("42/2022/NĐCP" -> "NĐ-CP", "QĐTTg" -> "QĐ-TTg", where the table of
    known codes splits it one way only), missing diacritics or wrong case ("ND-CP",
    "13/2023/nđ-cp" -> "NĐ-CP", "QD-TTG" -> "QĐ-TTg", "bgddt" -> "BGDĐT"). Codes not in
    the table are kept, upper-cased. ``parse_document_number(str(n)) == n`` for every
    result ``n``.

    Raises ``ValueError`` when the text holds no document number, or more than one.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    found = find_document_numbers(text)
    if not found:
        raise ValueError(
            f"not a document number (số ký hiệu such as 14/2012/QH13 or 766/QĐ-TTg): {text!r}"
        )
    if len(found) > 1:
        listed = ", ".join(str(n) for n in found)
        raise ValueError(f"several document numbers in {text!r}: {listed}")
    return found[0]


def normalize_document_number(text: str) -> str:
    """The canonical form of the one document number in ``text`` ("42/2022/NĐCP" ->
    "42/2022/NĐ-CP"); idempotent. Raises ``ValueError`` like :func:`parse_document_number`.
    """
    return str(parse_document_number(text))


# --------------------------------------------------------------------------- tokenize

_TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")


def _plain_tokens(text: str, start: int, end: int) -> list[str]:
    return [
        unicodedata.normalize("NFC", m.group().lower())
        for m in _TOKEN_RE.finditer(text, start, end)
    ]


def tokenize(text: str) -> list[str]:
    """Split text into plain lower-case word tokens, in order.

    The text is normalized first, so tone-mark style, NFC/NFD and white space do not
    matter. A token is a run of letters and digits with Vietnamese letters and diacritics
    kept ("Điều 5." -> ["điều", "5"]). A document number is one token in its canonical
    spelling, lower-cased ("42/2022/NĐCP" -> "42/2022/nđ-cp"); it is the only kind of
    token with "/" or "-" in it. Everything else -- punctuation, quotes, "?", ":", "*",
    hyphens outside document numbers -- only separates tokens, and AND/OR/NOT come out
    as the plain words "and"/"or"/"not", so no token acts as query syntax.
    """
    text = normalize(text)
    tokens: list[str] = []
    pos = 0
    for start, end, number in _scan_document_numbers(text):
        tokens.extend(_plain_tokens(text, pos, start))
        tokens.append(str(number).lower())
        pos = end
    tokens.extend(_plain_tokens(text, pos, len(text)))
    return tokens


def tokenize_folded(text: str) -> list[str]:
    """``[fold(t) for t in tokenize(text)]``: tokens for diacritic-insensitive matching
    ("Hòa giải" and "hoa giai" give the same); a document number folds to
    ``DocumentNumber.folded`` ("42/2022/nd-cp")."""
    return [f for f in (fold(t) for t in tokenize(text)) if f]


# Control characters except tab and new line (text may have several lines).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def plain_text_clean(value: str | None) -> str:
    """User text as stored: HTML tags removed, control characters removed, NFC, at most
    two blank lines in a row, trimmed. Output is always escaped again when shown."""
    text = unicodedata.normalize("NFC", value or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_tags(text)
    text = CONTROL_CHARS.sub("", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
