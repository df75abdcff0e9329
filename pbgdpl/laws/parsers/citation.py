"""Citations of a source provision, as printed under each Pháp điển article.

A citation names the provision a Pháp điển article was taken from, e.g.::

    (Điều 1 Nghị định số 21/2015/NĐ-CP Quy định về nhuận bút, ... ngày 14/02/2015 của
    Chính phủ, có hiệu lực thi hành kể từ ngày 15/04/2015)
    (Điều 2 Nghị định số 21/2015/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/04/2015)
    (Điều 3 Nghị định số 110/2014/NĐ-CP, có hiệu lực thi hành kể từ ngày 05/01/2015, có
    nội dung được sửa đổi bởi Điều 1 Nghị định số 128/2018/NĐ-CP có hiệu lực thi hành kể
    từ ngày 24/09/2018)

The parsers here never raise: what they cannot read stays empty (``''``/``None``) and
what they could not place is kept in ``Citation.unparsed``.
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import unescape

from pbgdpl.core.text import find_document_numbers, fold, normalize

from ._common import DATE_PATTERN, date_parse
from ._html import html_inline_text

__all__ = ["DOCUMENT_TYPE_NAMES", "Citation", "citation_parse", "citation_parse_html"]


@dataclass(frozen=True)
class Citation:
    """One cited provision. Every field but ``text`` may be empty when not printed.

    ``text``: the citation as printed, normalized, outer parentheses removed.
    ``url``: its link (vbpl.vn), '' if none; ``vbpl_item_id``: the ``ItemID`` of that link.
    ``article_number``/``clause_number``/``point``: the Điều/khoản/điểm cited ("12a", "2",
    "đ"); when several are listed ("Điều 1, Điều 2") the first.
    ``document_type``: "Luật", "Nghị định", "Thông tư liên tịch" ... (canonical spelling of
    a known type). ``document_number``: the canonical số ký hiệu ("21/2015/NĐ-CP"), or the
    printed one (spaces removed) when it is not in the usual form ("21-LCT/HDNN8").
    ``document_title``: words printed between the number and the date of issue.
    ``issued_on``/``issuer``: from "ngày 14/02/2015 của Chính phủ" at the end of the title.
    ``effective_on``: "có hiệu lực thi hành kể từ ngày ..."; when parts of the article take
    effect on different dates ("khoản 1 có hiệu lực ... ngày X, khoản 2 ... ngày Y") the
    earliest.
    ``change_note``: how later documents changed the provision, as printed ("có nội dung
    được sửa đổi, có nội dung được bổ sung", "bị bãi bỏ"), '' if not printed;
    ``changed_by``: those documents' provisions, each a Citation (without change_note).
    ``unparsed``: printed text the parser could not place, '' when all was understood.
    """

    text: str
    url: str = ""
    vbpl_item_id: str = ""
    article_number: str = ""
    clause_number: str = ""
    point: str = ""
    document_type: str = ""
    document_number: str = ""
    document_title: str = ""
    issued_on: date | None = None
    issuer: str = ""
    effective_on: date | None = None
    change_note: str = ""
    changed_by: tuple["Citation", ...] = ()
    unparsed: str = ""


# Types of legal documents, canonical spelling; longest first so that "Thông tư liên tịch"
# wins over "Thông tư" and "Bộ luật" over "Luật".
DOCUMENT_TYPE_NAMES = tuple(
    sorted(
        (
            "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Lệnh", "Sắc lệnh", "Sắc luật",
            "Nghị quyết liên tịch", "Nghị quyết", "Nghị định", "Thông tư liên tịch",
            "Thông tư", "Quyết định", "Chỉ thị", "Văn bản hợp nhất",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_TYPE_BY_FOLD = {fold(t): t for t in DOCUMENT_TYPE_NAMES}
_TYPES = "|".join(t.replace(" ", r"\s+") for t in DOCUMENT_TYPE_NAMES)
_TYPE_RE = re.compile(rf"(?i:{_TYPES})(?!\w)")
# "Thông tư số liên tịch 206/2010/TTLT-...": the word order is mixed up in a few citations.
_JOINT_RE = re.compile(r"\s*(?i:số)\s+(?i:liên\s+tịch)(?!\w)")

_LETTER = r"[a-zđ]"
_PROVISION_RE = re.compile(
    rf"(?:(?i:điểm)\s+(?P<point>{_LETTER}\d?)"
    rf"(?:\s*(?:,|và)\s*(?:(?i:điểm)\s+)?{_LETTER}\d?(?!\w))*\s*,?\s*)?"
    rf"(?:(?i:khoản)\s+(?P<clause>\d+{_LETTER}?)"
    rf"(?:\s*(?:,|và)\s*(?:(?i:khoản)\s+)?\d+{_LETTER}?(?!\w))*\s*,?\s*)?"
    rf"(?:(?i:điều)\s+(?P<article>\d+{_LETTER}?)(?!\w)"
    rf"(?:\s*(?:,|và)\s*(?:(?i:điều)\s+)?\d+{_LETTER}?(?!\w))*\s*)?"
    r"(?:(?i:mục|chương|phần)\s+[0-9IVXLC]+(?!\w)\s*)?"
    r"(?:(?i:của)\s+)?"
)
# A citation that does not start with its provision: "Danh mục được quy định tại Điều 7
# Nghị định số 94/2013/NĐ-CP ...".
_FALLBACK_RE = re.compile(
    rf"(?:(?i:điều)\s+(?P<article>\d+{_LETTER}?)\s+(?:(?i:của)\s+)?)?"
    rf"(?P<type>(?i:{_TYPES}))\s+(?i:số)\s*\d"
)
# The số ký hiệu as printed: "57/2020/QH14", "34 /2019/TT-BGTVT", "05/2020/TT- BGTVT",
# "21-LCT/HDNN8".
_NUMBER_RE = re.compile(
    rf"\s*(?:(?:(?i:số)|(?i:{_TYPES})(?=\s+(?i:số)))(?!\w)\s*:?\s*)*"
    "['\"‘’“”]*"
    r"(?P<number>\d[\w&]*(?:\s*[/\-–—]\s*[^\W_][\w&]*)*)?"
)
_SO_RE = re.compile(r"\s*(?i:số)(?!\w)\s*:?")
_NO_NUMBER_RE = re.compile(r"\s*(?i:không\s+số)(?!\w)")
_ISSUED_RE = re.compile(rf"(?<!\w)ngày\s*(?P<date>{DATE_PATTERN})")
_OF_RE = re.compile(r"\s*(?i:của)(?!\w)\s*")
_EFFECT_RE = re.compile(
    r"(?i:có\s+hiệu\s+lực)(?:\s+(?i:thi\s+hành))?(?:\s+(?i:kể))?\s+(?i:từ)\s+(?i:ngày)\s*"
    rf"(?P<date>{DATE_PATTERN})"
)
# The same in its usual spelling: found much faster (no case folding).
_EFFECT_LOWER_RE = re.compile(
    rf"có hiệu lực(?: thi hành)?(?: kể)? từ ngày\s*(?P<date>{DATE_PATTERN})"
)
# ", khoản 1 và khoản 3 có hiệu lực thi hành kể từ ngày ...": a part taking effect later.
_PART_EFFECT_RE = re.compile(
    r"[\s,;]*(?:(?i:điểm|khoản)\s+[^,;()]*?(?:\s*,\s*(?:(?i:điểm|khoản)\s+)[^,;()]*?)*)\s+"
    + _EFFECT_RE.pattern
)
_PART_QUALIFIER_RE = re.compile(r"[\s,]*(?:(?i:điểm|khoản)\s+\w+\s*(?:,|và)?\s*)+$")
_CHANGED_BY_RE = re.compile(r"(?<!\w)(?:bởi|theo\s+quy\s+định\s+tại)(?!\w)", re.I)
_SUB_SPLIT_RE = re.compile(rf";|\s+và\s+(?=(?i:{_TYPES})\s+(?:(?i:số)\s*)?\d)")
_PAREN_RE = re.compile(r"[()]")
# "Điều 2 Nghị định số 12/2011/NĐ-CP, có hiệu lực thi hành kể từ ngày 26/03/2011".
_COMMON_RE = re.compile(
    rf"Điều (?P<article>\d+{_LETTER}?) (?P<type>{'|'.join(DOCUMENT_TYPE_NAMES)}) số "
    r"(?P<number>\d+/\d{4}/[^\W_][\w&-]*[^\W_]), có hiệu lực thi hành kể từ ngày "
    r"(?P<date>\d\d/\d\d/\d{4})"
)
_ITEM_ID_RE = re.compile(r"[?&]ItemID=(\d+)", re.I)
_STRIP = " ,.;:"

_MARK = "\ue000"  # stands for the start of a link while the text is parsed
_A_RE = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>""", re.I)


def citation_parse(text: str, *, url: str = "") -> Citation:
    """Parse one citation printed as plain text; ``url`` is its link, if known.

    Never raises: unknown parts stay ''/None, impossible dates ("31/02/2015") give None,
    and text that could not be placed is kept in ``unparsed``. Sub-citations in
    ``changed_by`` get no url (use :func:`citation_parse_html` to keep their links).
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    clean = normalize(text.replace(_MARK, ""))
    return _parse(clean, [(0, url)] if url else [])


def citation_parse_html(fragment: str) -> Citation:
    """Parse the inner HTML of a Pháp điển ``p.pGhiChu``: like :func:`citation_parse`,
    with each citation's link taken from the ``<a href>`` where its text starts (the main
    citation gets the first link of the fragment). Never raises."""
    hrefs: list[str] = []

    def link(m: re.Match[str]) -> str:
        hrefs.append(unescape(next(g for g in m.groups() if g is not None)).strip())
        return _MARK

    marked = _A_RE.sub(link, fragment.replace(_MARK, ""))
    marked = html_inline_text(marked)
    # Drop the marks, remembering where each link started in the clean text.
    pieces = marked.split(_MARK)
    clean_parts: list[str] = [pieces[0]]
    length = len(pieces[0])
    marks: list[tuple[int, str]] = []
    for href, piece in zip(hrefs, pieces[1:], strict=False):
        if length and clean_parts[-1].endswith(" ") and piece.startswith(" "):
            piece = piece[1:]
        marks.append((length, href))
        clean_parts.append(piece)
        length += len(piece)
    clean = "".join(clean_parts)
    stripped = clean.strip()
    shift = len(clean) - len(clean.lstrip())
    return _parse(stripped, [(max(0, pos - shift), href) for pos, href in marks])


# --------------------------------------------------------------------------- internals


def _unwrap(text: str) -> tuple[int, int]:
    """Bounds of ``text`` without its outer parentheses (a few pairs, or an unmatched one
    at either end) and surrounding spaces and dots."""
    closing = _matching_parentheses(text)
    lo, hi = 0, len(text)
    for _ in range(8):  # real citations have at most 2 or 3 layers
        while lo < hi and text[lo] in " .":
            lo += 1
        while hi > lo and text[hi - 1] in " .":
            hi -= 1
        if lo < hi and text[lo] == "(" and closing.get(lo) == hi - 1:
            lo, hi = lo + 1, hi - 1
        elif lo < hi and text[lo] == "(" and closing.get(lo) is None:
            lo += 1
        elif lo < hi and text[hi - 1] == ")" and (hi - 1) not in closing.values():
            hi -= 1
        else:
            break
    return lo, hi


def _matching_parentheses(text: str) -> dict[int, int]:
    """Index of each "(" that is closed -> index of the ")" that closes it."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for m in _PAREN_RE.finditer(text):
        if m.group() == "(":
            opened.append(m.start())
        elif opened:
            pairs[opened.pop()] = m.start()
    return pairs


def _url_in(marks: list[tuple[int, str]], start: int, end: int) -> str:
    for pos, href in marks:
        if start <= pos < end and href:
            return href
    return ""


def _item_id(url: str) -> str:
    m = _ITEM_ID_RE.search(url)
    return m.group(1) if m else ""


def _parse(clean: str, marks: list[tuple[int, str]]) -> Citation:
    lo, hi = _unwrap(clean)
    text = clean[lo:hi]
    marks = [(pos - lo, href) for pos, href in marks]
    url = marks[0][1] if marks else ""
    fast = _COMMON_RE.fullmatch(text)
    if fast is not None and (number := _canonical_number(fast.group("number"))):
        # The common shape (9 in 10 Pháp điển citations): the same result, sooner.
        return Citation(
            text=text,
            url=url,
            vbpl_item_id=_item_id(url),
            article_number=fast.group("article"),
            document_type=fast.group("type"),
            document_number=number,
            effective_on=date_parse(fast.group("date")),
        )
    head_end, effective, tail_start = _effective_zone(text)
    fields = _head(text[:head_end])
    unparsed = fields.pop("unparsed")
    change_note = ""
    changed_by: list[Citation] = []
    tail = text[tail_start:]
    if tail.strip(_STRIP + "()"):
        m = _CHANGED_BY_RE.search(tail)
        if m is None:
            unparsed = " ".join(filter(None, (unparsed, tail.strip(_STRIP + "()"))))
        else:
            change_note = tail[: m.start()].strip(_STRIP)
            base = tail_start + m.end()
            listed = text[base:]
            start = 0
            for sep in [*_SUB_SPLIT_RE.finditer(listed), None]:
                end = sep.start() if sep else len(listed)
                part = listed[start:end]
                if part.strip(_STRIP + "()"):
                    changed_by.append(_sub(part, marks, base + start))
                start = sep.end() if sep else end
    return Citation(
        text=text,
        url=url,
        vbpl_item_id=_item_id(url),
        effective_on=effective,
        change_note=change_note,
        changed_by=tuple(changed_by),
        unparsed=unparsed,
        **fields,
    )


def _sub(part: str, marks: list[tuple[int, str]], offset: int) -> Citation:
    """One citation listed after "bởi": no change note of its own."""
    lead = len(part) - len(part.lstrip(_STRIP + "()"))
    text = part.strip(_STRIP + "()")
    head_end, effective, tail_start = _effective_zone(text)
    fields = _head(text[:head_end])
    unparsed = fields.pop("unparsed")
    rest = text[tail_start:].strip(_STRIP + "()")
    if rest:
        unparsed = " ".join(filter(None, (unparsed, rest)))
    url = _url_in(marks, offset, offset + len(part))
    if not url and lead:
        url = _url_in(marks, offset - 1, offset + lead + 1)
    return Citation(
        text=text,
        url=url,
        vbpl_item_id=_item_id(url),
        effective_on=effective,
        unparsed=unparsed,
        **fields,
    )


def _effective_zone(text: str) -> tuple[int, date | None, int]:
    """(end of the head, effective date, start of what follows the date(s))."""
    m = _EFFECT_LOWER_RE.search(text) or _EFFECT_RE.search(text)
    if m is None:
        return len(text), None, len(text)
    head_end = m.start()
    head = text[:head_end].lower()
    if "khoản" in head or "điểm" in head:
        qualifier = _PART_QUALIFIER_RE.search(text, 0, head_end)
        if qualifier is not None and qualifier.start() > 0 and "," in qualifier.group():
            head_end = qualifier.start()
    dates = [d for d in (date_parse(m.group("date")),) if d]
    pos = m.end()
    while (more := _PART_EFFECT_RE.match(text, pos)) is not None:
        if (d := date_parse(more.group("date"))) is not None:
            dates.append(d)
        pos = more.end()
    return head_end, min(dates) if dates else None, pos


def _head(head: str) -> dict:
    """Fields of the part before "có hiệu lực": provision, type, number, title, issue."""
    out = {
        "article_number": "", "clause_number": "", "point": "", "document_type": "",
        "document_number": "", "document_title": "", "issued_on": None, "issuer": "",
        "unparsed": "",
    }  # fmt: skip
    head = head.strip(_STRIP)
    if not head:
        return out
    prov = _PROVISION_RE.match(head)
    pos = prov.end()
    type_m = _TYPE_RE.match(head, pos)
    if type_m is not None:
        out["article_number"] = prov.group("article") or ""
        out["clause_number"] = prov.group("clause") or ""
        out["point"] = prov.group("point") or ""
    else:
        fallback = _FALLBACK_RE.search(head)
        if fallback is None:
            out["unparsed"] = head
            return out
        out["article_number"] = fallback.group("article") or ""
        type_m = _TYPE_RE.match(head, fallback.start("type"))
        if fallback.start() > 0:
            out["unparsed"] = head[: fallback.start()].strip(_STRIP)
    doc_type = _type_name(type_m.group())
    pos = type_m.end()
    if doc_type in ("Thông tư", "Nghị quyết") and (joint := _JOINT_RE.match(head, pos)):
        doc_type, pos = f"{doc_type} liên tịch", joint.end()
    out["document_type"] = doc_type
    number_m = _NUMBER_RE.match(head, pos)
    printed = number_m.group("number")
    if printed:
        out["document_number"] = _canonical_number(printed)
        pos = number_m.end()
    elif (so := _SO_RE.match(head, pos)) is not None:
        pos = so.end()  # "Pháp lệnh số Bảo vệ công trình ...": a number was never printed
    if (none := _NO_NUMBER_RE.match(head, pos)) is not None:
        pos = none.end()  # "Pháp lệnh số Không số Về Hàm, cấp ngoại giao"
    rest = head[pos:]
    title_end = len(rest)
    issued = list(_ISSUED_RE.finditer(rest))
    if issued:
        last = issued[-1]
        after = rest[last.end() :]
        of = _OF_RE.match(after)
        issuer = after[of.end() :].strip(_STRIP) if of else ""
        if not after.strip(_STRIP) or (of and _plausible_issuer(issuer)):
            title_end = last.start()
            out["issued_on"] = date_parse(last.group("date"))
            out["issuer"] = issuer
    out["document_title"] = rest[:title_end].strip(_STRIP + "-–")
    return out


def _plausible_issuer(text: str) -> bool:
    """ "Chính phủ", "Bộ Văn hóa, Thể thao và Du lịch" yes; a sentence of a title no."""
    return (
        bool(text)
        and text[0].isupper()
        and len(text.split()) <= 16
        and not any(ch.isdigit() for ch in text)
    )


@lru_cache(maxsize=256)
def _type_name(printed: str) -> str:
    return _TYPE_BY_FOLD.get(re.sub(r"\s+", " ", fold(printed)), "")


@lru_cache(maxsize=8192)
def _canonical_number(printed: str) -> str:
    found = find_document_numbers(printed)
    if found:
        return str(found[0])
    return re.sub(r"\s+", "", printed) if "/" in printed or "-" in printed else ""
