"""The structure of a Vietnamese legal text: Phần > Chương > Mục > Tiểu mục > Điều >
Khoản > Điểm.

Used for uploaded texts (plain text or DOCX), for the article bodies of ALQAC and for
Pháp điển bodies. Headings are recognised at the start of a line:

* "Phần thứ nhất", "PHẦN THỨ HAI", "Phần I", "Phần 2";
* "Chương I", "CHƯƠNG 2" -- with the title on the same line after ". ", ":" or " - "
  (or in capitals right after the number), or alone on the next line;
* "Mục 1", "Tiểu mục 1" (same title rules);
* "Điều 5. Tên điều", "Điều 5: ...", "Điều 5a." -- the rest of the line is the heading;
* khoản "1. ..." / "1) ..." and điểm "a) ...", "đ) ..." (Vietnamese alphabet).

A line such as "Chương trình ..." or "Mục tiêu ..." is not a heading (no number), nor is
"Điều 5 của Luật này ..." (no "." or ":" after the number). Quoted text (a paragraph
opening with “ or " and running to the closing quote, as in amending laws) is kept as
text of the current node, so the articles it quotes do not become articles.
"""

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

from pbgdpl.core.text import find_document_numbers, fold, normalize

from ._common import (
    DATE_PATTERN,
    NUMBER_WORDS,
    date_parse,
    roman_to_int,
    slug_number,
    vietnamese_number,
)
from ._errors import ParseError
from .citation import DOCUMENT_TYPE_NAMES

__all__ = [
    "KINDS",
    "ParsedDocument",
    "ProvisionNode",
    "iter_nodes",
    "structure_parse_article",
    "structure_parse_docx",
    "structure_parse_text",
]

KINDS = ("phan", "chuong", "muc", "tieu_muc", "dieu", "khoan", "diem")
_LEVEL = {kind: i for i, kind in enumerate(KINDS)}
_HEADING_KINDS = ("phan", "chuong", "muc", "tieu_muc")
# Letters of điểm, in order (the Vietnamese alphabet without the letters with marks
# other than đ, and without f j w z).
DIEM_LETTERS = "abcdđeghiklmnopqrstuvxy"
_KIND_NAMES = {
    "phan": "phần", "chuong": "chương", "muc": "mục", "tieu_muc": "tiểu mục",
    "dieu": "điều", "khoan": "khoản", "diem": "điểm",
}  # fmt: skip


@dataclass
class ProvisionNode:
    """One unit of the tree.

    ``kind``: one of KINDS; ``number``: as printed ("I", "2", "5a", "thứ nhất", "đ");
    ``heading``: the title of a Điều/Chương/Mục ('' for khoản and điểm);
    ``text``: the node's own text, "\\n" between paragraphs -- for a khoản/điểm the text
    after "1." / "a)"; for a Điều its lead-in before the first khoản; ``children`` in
    order; ``line``: 1-based line of the input where it starts; ``eid``: a stable id, the
    path of ``kind_number`` joined by "__" ("chuong_2__muc_1__dieu_5__khoan_2__diem_a";
    numbers lower-cased, Roman and word numbers of Phần/Chương/Mục in Arabic, letters
    folded with đ -> dd), unique in the document (a repeated number gets "_2", "_3");
    ``anchor``: the HTML fragment -- article-rooted for a Điều and below
    ("dieu-5-khoan-2-diem-a"), chapter-rooted for headings ("chuong-2", "chuong-2-muc-1",
    "phan-1"), unique in the document ("-2", "-3" for repeats).
    """

    kind: str
    number: str
    heading: str = ""
    text: str = ""
    children: list["ProvisionNode"] = field(default_factory=list)
    line: int = 0
    eid: str = ""
    anchor: str = ""


@dataclass
class ParsedDocument:
    """A parsed text.

    ``title``, ``document_type`` ("Luật", "Nghị định" ...), ``number`` (canonical số ký
    hiệu), ``issuer`` (as printed, e.g. "QUỐC HỘI", "BỘ TÀI CHÍNH"), ``issued_on`` and
    ``signer`` come from the header and the signature when printed ('' / None if not
    found; best effort: the reviewer checks them). ``preamble``: the text between the
    header and the first structural unit ("Căn cứ ..."), or all of it when no document
    type line was found; ``provisions``: top-level nodes; ``warnings``: messages for the
    reviewer, in Vietnamese, each starting with the line ("Dòng 40: số điều 7 lặp lại").
    ``closing``: the text after the last provision (adoption formula, signature, "Nơi
    nhận"), kept out of the last article.
    """

    title: str = ""
    document_type: str = ""
    number: str = ""
    issuer: str = ""
    issued_on: date | None = None
    signer: str = ""
    preamble: str = ""
    provisions: list[ProvisionNode] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    closing: str = ""


# --------------------------------------------------------------------------- line patterns

_SEP = r"[.:\-–—]"
_HEADING_RE = re.compile(r"^(?P<kw>(?i:tiểu\s+mục|phần|chương|mục))\s+(?P<rest>.*)$", re.S)
_NUMBER_TOKEN_RE = re.compile(r"(?P<num>[IVXLCDM]+|[ivxlcdm]+|\d+[a-zđ]?)(?=$|\s|[.:\-–—,])")
_DIEU_RE = re.compile(
    r"^(?i:điều)\s+(?P<num>\d+[a-zđ]?)(?:\s*[.:]\s*(?P<h1>.*)|\s+[-–—]\s+(?P<h2>.*)|\s*)$",
    re.S,
)
_KHOAN_RE = re.compile(r"^(?P<num>\d{1,3}[a-zđ]?)\s*[.)](?![\d/])\s*(?P<text>.*)$", re.S)
_DIEM_RE = re.compile(rf"^(?P<num>[{DIEM_LETTERS}]\d?)\)\s*(?P<text>.*)$", re.S)
_CLOSING_RE = re.compile(
    r"^(?:(?:(?i:luật|bộ\s+luật|pháp\s+lệnh|nghị\s+quyết|hiến\s+pháp)\s+này\s+(?:đã\s+)?được\s+"
    r".{0,300}?thông\s+qua)"
    r"|(?i:nơi\s+nhận)\b"
    r"|(?:TM|KT|TL|TUQ|Q)\s*\.\s*\S"
    r"|\((?i:đã\s+ký)\))"
)
_SIGNATURE_TITLE_RE = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CHÁNH\s+ÁN|"
    r"VIỆN\s+TRƯỞNG|THỐNG\s+ĐỐC|TỔNG\s+KIỂM\s+TOÁN|CHỦ\s+NHIỆM|TỔNG\s+THƯ\s+KÝ|"
    r"TỔNG\s+GIÁM\s+ĐỐC|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG)\b"
)
_ADOPTED_ON_RE = re.compile(rf"thông\s+qua\s+ngày\s*(?P<date>{DATE_PATTERN})", re.I)

# Header patterns.
_MOTTO_RE = re.compile(
    r"^(?:CỘNG\s+H[OÒ]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do)", re.I
)
_SEPARATOR_RE = re.compile(r"^[\W_]*$")
_HEADER_NUMBER_RE = re.compile(
    r"^(?:(?i:luật|bộ\s+luật|pháp\s+lệnh|lệnh|nghị\s+quyết|nghị\s+định|quyết\s+định)\s+)?"
    r"(?i:số)(?!\w)\s*[:.]?\s*(?P<num>.+)$"
)
_PLACE_DATE_RE = re.compile(rf"^(?:[^,\d]{{1,60}},\s*)?ngày\s*(?P<date>{DATE_PATTERN})", re.I)
_PREAMBLE_START_RE = re.compile(
    r"^(?i:căn\s+cứ|theo\s+đề\s+nghị|xét\s+đề\s+nghị|thực\s+hiện|để\s|"
    r"(?:quốc\s+hội|chính\s+phủ|ủy\s+ban|bộ\s+trưởng|thủ\s+tướng)\b.{0,120}\bban\s+hành)"
)
# Document types recognised on the type line of a header: the legal types, and the
# administrative texts a portal also receives.
HEADER_TYPES = tuple(
    sorted(
        (
            *DOCUMENT_TYPE_NAMES,
            "Kế hoạch",
            "Hướng dẫn",
            "Thông báo",
            "Công văn",
            "Báo cáo",
            "Đề án",
        ),
        key=len,
        reverse=True,
    )
)
_TYPE_BY_FOLD = {fold(t): t for t in HEADER_TYPES}
_TYPE_LINE_RE = re.compile(
    r"^(?P<type>" + "|".join(t.upper().replace(" ", r"\s+") for t in HEADER_TYPES) + r")"
    r"(?:\s+(?P<rest>.*))?$"
)
# A decorative rule ("________", "-----", "***") between parts of a text: not text.
_RULE_RE = re.compile(r"^[\s_\-–—=.*~…]{3,}$")
_BINARY_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass
class _Line:
    no: int  # 1-based line number in the input
    text: str  # normalized, non-empty


# --------------------------------------------------------------------------- public API


def iter_nodes(nodes: Iterable[ProvisionNode]) -> Iterator[ProvisionNode]:
    """Every node of the trees, depth-first in document order (a node before its
    children)."""
    stack = list(reversed(list(nodes)))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def structure_parse_text(text: str, *, source: str = "văn bản") -> ParsedDocument:
    """Parse a whole legal text (plain text, one paragraph per line).

    Returns the header facts, the preamble, the provision tree and the reviewer's
    warnings (duplicate or missing numbers, khoản/điểm outside a điều, unclosed quotes).
    Raises :class:`ParseError` naming ``source`` and a line when the text is empty, looks
    binary, or holds no structural unit at all (no Phần/Chương/Mục/Điều, and no khoản).
    """
    if not isinstance(text, str):
        raise ParseError(source, "", "không phải văn bản")
    # A stray control character (Word's \x07 cell mark) is white space to normalize; many
    # of them, a NUL or many undecodable bytes ("\ufffd") mean a binary file.
    controls = _BINARY_RE.findall(text)
    limit = max(3, len(text) // 200)
    if "\x00" in text or len(controls) > limit or text.count("\ufffd") > limit:
        first = _BINARY_RE.search(text) or re.search("\ufffd", text)
        line = text.count("\n", 0, first.start()) + 1
        raise ParseError(source, f"dòng {line}", "tệp không phải văn bản (có ký tự nhị phân)")
    lines = [
        _Line(no, clean)
        for no, raw in enumerate(text.splitlines(), start=1)
        if (clean := normalize(raw))
    ]
    if not lines:
        raise ParseError(source, "dòng 1", "văn bản trống")
    return _Parser(lines, source).parse()


def structure_parse_docx(data: bytes | BinaryIO, *, source: str) -> ParsedDocument:
    """Parse a Word (.docx) file: its paragraphs, and its tables one line per row of text
    (cells joined by " | ", a cell's paragraphs on successive lines as they are printed),
    in document order, then :func:`structure_parse_text`. Line numbers in warnings and
    errors count those lines.

    Raises :class:`ParseError` for a file that is not a DOCX (an old .doc, a PDF, a
    corrupt or truncated file) and as :func:`structure_parse_text` does. Automatic Word
    numbering is not text: a warning says so when paragraphs use it.
    """
    try:
        raw = data if isinstance(data, bytes | bytearray) else data.read()
    except OSError as exc:
        raise ParseError(source, "", f"không đọc được tệp ({exc})") from None
    if not isinstance(raw, bytes | bytearray):
        raise ParseError(source, "", "không đọc được tệp")
    raw = bytes(raw)
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ParseError(
            source, "", "tệp Word 97-2003 (.doc) chưa được hỗ trợ: hãy lưu lại thành .docx"
        )
    if raw[:4] != b"PK\x03\x04":
        raise ParseError(source, "", "tệp không phải DOCX (Word 2007 trở lên)")
    try:
        lines, numbered = _docx_lines(raw)
    except ParseError as exc:
        raise ParseError(source, exc.position, exc.message) from None
    except Exception as exc:  # python-docx, lxml and zipfile raise many kinds
        raise ParseError(
            source, "", f"tệp DOCX bị hỏng hoặc không đọc được ({type(exc).__name__})"
        ) from None
    document = structure_parse_text("\n".join(lines), source=source)
    if numbered:
        document.warnings.append(
            f"{numbered} đoạn dùng đánh số tự động của Word: số thứ tự của các đoạn này không "
            "có trong văn bản, hãy kiểm tra số điều, khoản"
        )
    return document


def structure_parse_article(
    *, number: str, text: str, heading: str | None = None, eid_prefix: str = ""
) -> ProvisionNode:
    """One Điều from its body.

    With ``heading=None`` the first paragraph is the heading (ALQAC: "Phạm vi điều
    chỉnh\\n\\nLuật này ...") unless it starts a khoản/điểm or ends like a sentence (".",
    ":" or ";"), as in the Constitution, whose articles have no heading. Lines "1." /
    "1)" start khoản and "a)" / "đ)" start điểm (children of the current khoản, or of the
    article when there is none); other lines continue the previous node. A heading of the
    next unit that leaked into the end of the body ("Tiểu mục 4", "Chương II") and the
    closing formula/signature after the last article are dropped. ``eid_prefix`` (e.g.
    "chuong_2") is put before the article's own eid. Never raises.
    """
    raw_lines = [normalize(line) for line in (text or "").splitlines()]
    lines = [_Line(no, line) for no, line in enumerate(raw_lines, start=1) if line]
    lines = _drop_trailing_matter(lines)
    first_body = 0
    if heading is None:
        heading = ""
        if lines and _heading_like(lines[0].text):
            heading, first_body = lines[0].text, 1
    node = ProvisionNode(kind="dieu", number=normalize(number), heading=normalize(heading), line=1)
    parser = _Parser(lines[first_body:], "điều")
    parser.open_article(node)
    parser.body()
    prefix = eid_prefix.strip("_")
    _assign_ids([node], eid_base=prefix, anchor_base="")
    return node


# --------------------------------------------------------------------------- the parser


class _Parser:
    """Builds the tree from normalized lines; one instance per input."""

    def __init__(self, lines: list[_Line], source: str) -> None:
        self.lines = lines
        self.source = source
        self.roots: list[ProvisionNode] = []
        self.stack: list[ProvisionNode] = []  # open nodes, outermost first
        self.warnings: list[str] = []
        self.seen: dict[tuple, _Sequence] = {}
        self.no_articles = False  # a text of khoản only: no warning per khoản
        self.quote_warnings: list[tuple[int, str]] = []  # (line index, message)
        self.quote_end: dict[int, int] = self._quotes()

    # -- classification

    def _quotes(self) -> dict[int, int]:
        """First quoted line -> last quoted line, for each quotation that runs over
        several lines. A line that opens a quotation belongs to it when it starts with
        the quote mark; the closing line always does. A quotation not closed within 400
        lines is ignored (with a warning) so that a stray mark cannot swallow the text."""
        spans: dict[int, int] = {}
        texts = [line.text for line in self.lines]
        openers = [_open_quote(text) for text in texts]
        later = {
            opener: [
                _quote_balance(t, opener, opening=False)
                if opener in t or _CLOSERS[opener] in t
                else 0
                for t in texts
            ]
            for opener in set(openers) - {None}
        }
        i = 0
        while i < len(texts):
            opener = openers[i]
            if opener is None:
                i += 1
                continue
            depth = _quote_balance(texts[i], opener, opening=True)
            balance = later[opener]
            for j in range(i + 1, min(len(texts), i + 400)):
                depth += balance[j]
                if depth <= 0:
                    spans[i if texts[i][0] == opener else i + 1] = j
                    i = j
                    break
            else:
                self.quote_warnings.append(
                    (i, f"Dòng {self.lines[i].no}: dấu ngoặc kép mở nhưng không thấy dấu đóng")
                )
            i += 1
        return spans

    def classify(self, index: int) -> tuple[str, str, str] | None:
        """(kind, number, rest) when line ``index`` starts a unit, else None."""
        text = self.lines[index].text
        m = _DIEU_RE.match(text)
        if m:
            return "dieu", m.group("num"), (m.group("h1") or m.group("h2") or "").strip()
        m = _HEADING_RE.match(text)
        if m:
            found = _heading_number(fold(m.group("kw")).replace(" ", "_"), m.group("rest"))
            if found:
                return found
        m = _KHOAN_RE.match(text)
        if m:
            return "khoan", m.group("num"), m.group("text")
        m = _DIEM_RE.match(text)
        if m:
            return "diem", m.group("num"), m.group("text")
        return None

    # -- whole documents

    def parse(self) -> ParsedDocument:
        kinds = [self.classify(i) for i in range(len(self.lines))]
        self._unquote(kinds)
        units = [i for i, k in enumerate(kinds) if k and k[0] in ("dieu", *_HEADING_KINDS)]
        if not units:
            units = [i for i, k in enumerate(kinds) if k and k[0] == "khoan"]
            if not units:
                raise ParseError(
                    self.source,
                    f"dòng {self.lines[0].no}",
                    "không tìm thấy phần, chương, mục, điều hay khoản nào",
                )
            self.warnings.append(
                f"Dòng {self.lines[units[0]].no}: văn bản không có điều nào; các khoản được "
                "đặt ở cấp cao nhất"
            )
            self.no_articles = True
        first = units[0]
        end = self._closing_start(kinds, last_unit=max(units))
        self.warnings[:0] = [message for i, message in self.quote_warnings if i < end]
        document = ParsedDocument()
        header_end = self._header(document, self.lines[:first])
        document.preamble = "\n".join(line.text for line in self.lines[header_end:first])
        self._build(kinds, first, end)
        document.closing = "\n".join(line.text for line in self.lines[end:])
        self._closing(document, self.lines[end:])
        document.provisions = self.roots
        _assign_ids(self.roots, eid_base="", anchor_base="")
        document.warnings = sorted(self.warnings, key=_warning_line)
        return document

    def _unquote(self, kinds: list) -> None:
        for start, stop in self.quote_end.items():
            for i in range(start, stop + 1):
                kinds[i] = None

    def _closing_start(self, kinds: list, last_unit: int) -> int:
        """Index of the first line of the closing (adoption formula, signature, "Nơi
        nhận") after the last unit heading; the number of lines when there is none."""
        for i in range(last_unit + 1, len(self.lines)):
            if kinds[i] is None and any(_is_closing(c) for c in self.lines[i].text.split(" | ")):
                return i
        return len(self.lines)

    def _build(self, kinds: list, start: int, end: int) -> None:
        i = start
        while i < end:
            kind = kinds[i]
            line = self.lines[i]
            if kind is None:
                self.add_text(line)
            elif kind[0] in _HEADING_KINDS:
                i = self.open_heading(kind, i, kinds, end)
            elif kind[0] == "dieu":
                heading, text = _split_article_title(kind[2])
                node = ProvisionNode(kind="dieu", number=kind[1], heading=heading, line=line.no)
                self.check_number(node, line)
                self.attach(node)
                if text:
                    node.text = text
            else:
                self.open_item(kind, line)
            i += 1

    # -- article bodies (structure_parse_article)

    def open_article(self, node: ProvisionNode) -> None:
        self.stack = [node]
        self.roots = [node]

    def body(self) -> None:
        quoted = {i for start, stop in self.quote_end.items() for i in range(start, stop + 1)}
        for i, line in enumerate(self.lines):
            kind = None if i in quoted else self.classify(i)
            if kind is not None and kind[0] in ("khoan", "diem"):
                self.open_item(kind, line)
            else:
                self.add_text(line)

    # -- tree building

    def open_heading(self, kind: tuple[str, str, str], i: int, kinds: list, end: int) -> int:
        """Open a Phần/Chương/Mục/Tiểu mục; take the next line as its title when the title
        is not on the heading line. Returns the index of the last line used."""
        name, number, title = kind
        line = self.lines[i]
        node = ProvisionNode(kind=name, number=number, heading=title, line=line.no)
        if not title and i + 1 < end and kinds[i + 1] is None:
            node.heading = self.lines[i + 1].text
            i += 1
        self.check_number(node, line)
        self.attach(node)
        return i

    def open_item(self, kind: tuple[str, str, str], line: _Line) -> None:
        name, number, text = kind
        node = ProvisionNode(kind=name, number=number, text=text, line=line.no)
        article = next((n for n in reversed(self.stack) if n.kind == "dieu"), None)
        if name == "khoan":
            if article is None and not self.no_articles:
                self.warnings.append(f"Dòng {line.no}: khoản {number} nằm ngoài điều")
        else:
            clause = next((n for n in reversed(self.stack) if n.kind == "khoan"), None)
            if clause is None and article is None and not self.no_articles:
                self.warnings.append(f"Dòng {line.no}: điểm {number} nằm ngoài khoản và điều")
        self.check_number(node, line)
        self.attach(node)

    def attach(self, node: ProvisionNode) -> None:
        """Close the open nodes at the node's level or deeper, then add it under the
        innermost open node left (or at the top level)."""
        level = _LEVEL[node.kind]
        while self.stack and _LEVEL[self.stack[-1].kind] >= level:
            self.stack.pop()
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.roots.append(node)
        self.stack.append(node)

    def add_text(self, line: _Line) -> None:
        if not self.stack or _RULE_RE.match(line.text):
            return
        node = self.stack[-1]
        node.text = f"{node.text}\n{line.text}" if node.text else line.text

    # -- numbering checks

    def check_number(self, node: ProvisionNode, line: _Line) -> None:
        """Warn about a repeated number, or one that skips or goes back, among siblings
        of the same kind (articles and chapters are numbered through the document)."""
        if node.kind in ("dieu", "chuong", "phan"):
            scope: tuple = (node.kind,)
        else:
            parent = self.stack_parent(node)
            scope = (node.kind, id(parent))
        sequence = self.seen.setdefault(scope, _Sequence())
        value = _number_value(node.kind, node.number)
        if value is None:
            return
        where = self._where(node)
        name = _KIND_NAMES[node.kind]
        if value in sequence.values:
            self.warnings.append(f"Dòng {line.no}: {where}số {name} {node.number} lặp lại")
        elif sequence.last is not None:
            last_main, _ = sequence.last
            main, suffix = value
            # "5a" follows 5 (an inserted unit); a plain number follows the one before it.
            expected = last_main if suffix else last_main + 1
            if main > expected:
                missing = _format_missing(node.kind, last_main, main + (1 if suffix else 0))
                self.warnings.append(
                    f"Dòng {line.no}: {where}{name} {node.number} đứng sau {name} "
                    f"{sequence.last_printed} (thiếu {name} {missing})"
                )
            elif main < last_main or (main == last_main and not suffix):
                self.warnings.append(
                    f"Dòng {line.no}: {where}{name} {node.number} đứng sau {name} "
                    f"{sequence.last_printed}"
                )
        sequence.values.add(value)
        sequence.last = value
        sequence.last_printed = node.number

    def stack_parent(self, node: ProvisionNode) -> ProvisionNode | None:
        """The open node the new ``node`` will be attached to."""
        level = _LEVEL[node.kind]
        return next((n for n in reversed(self.stack) if _LEVEL[n.kind] < level), None)

    def _where(self, node: ProvisionNode) -> str:
        """ "khoản 2 điều 5: " for a điểm, "điều 5: " for a khoản, '' otherwise."""
        if node.kind not in ("khoan", "diem"):
            return ""
        level = _LEVEL[node.kind]
        parts = [
            f"{_KIND_NAMES[n.kind]} {n.number}"
            for n in self.stack
            if n.kind in ("dieu", "khoan") and _LEVEL[n.kind] < level
        ]
        return (" ".join(reversed(parts)) + ": ") if parts else ""

    # -- header and signature

    def _header(self, document: ParsedDocument, lines: list[_Line]) -> int:
        """Fill the header facts from the lines before the first unit; returns the index
        of the first preamble line (0 when no document type line was found)."""
        issuer_cells: list[str] = []
        issuer_done = False
        for i, line in enumerate(lines):
            cells = [c.strip() for c in line.text.split(" | ") if c.strip()]
            if _PREAMBLE_START_RE.match(line.text):
                break
            facts = set()
            for k, cell in enumerate(cells):
                m = _HEADER_NUMBER_RE.match(cell)
                if m:
                    facts.add(k)
                    found = find_document_numbers(m.group("num"))
                    if found and not document.number:
                        document.number = str(found[0])
                    continue
                m = _PLACE_DATE_RE.match(cell)
                if m:
                    facts.add(k)
                    if document.issued_on is None:
                        document.issued_on = date_parse(m.group("date"))
            first = cells[0] if cells and 0 not in facts else ""
            type_m = _TYPE_LINE_RE.match(first)
            if type_m and len(cells) == 1:
                document.document_type = _TYPE_BY_FOLD.get(
                    re.sub(r"\s+", " ", fold(type_m.group("type"))), ""
                )
                rest = type_m.group("rest") or ""
                title = [rest] if rest else []
                j = i + 1
                while j < len(lines) and len(title) < 4:
                    text = lines[j].text
                    if (
                        _PREAMBLE_START_RE.match(text)
                        or _SEPARATOR_RE.match(text)
                        or " | " in text
                        or (rest and not text.isupper())
                        or _PLACE_DATE_RE.match(text)
                    ):
                        break
                    title.append(text)
                    j += 1
                document.title = normalize(" ".join(title))
                return j
            if not issuer_done:
                if (
                    first
                    and first.isupper()
                    and not _MOTTO_RE.match(first)
                    and not _SEPARATOR_RE.match(first)
                    and not _HEADER_NUMBER_RE.match(first)
                    and len(issuer_cells) < 3
                ):
                    issuer_cells.append(first)
                elif issuer_cells:
                    issuer_done = True
                document.issuer = " ".join(issuer_cells)
        return 0

    def _closing(self, document: ParsedDocument, lines: list[_Line]) -> None:
        """The signer (the last name after a signature title) and, for laws, the date of
        adoption when the header gave none."""
        marker_seen = False
        best = (0, "")
        for line in lines:
            if document.issued_on is None and (m := _ADOPTED_ON_RE.search(line.text)):
                document.issued_on = date_parse(m.group("date"))
            for cell in (c.strip() for c in line.text.split(" | ")):
                if _is_closing(cell):
                    marker_seen = True
                elif marker_seen and (rank := _name_rank(cell)) and rank >= best[0]:
                    best = (rank, cell)
        document.signer = best[1]


def _warning_line(message: str) -> int:
    m = re.match(r"Dòng (\d+)", message)
    return int(m.group(1)) if m else 0


@dataclass
class _Sequence:
    values: set = field(default_factory=set)
    last: tuple[int, str] | None = None
    last_printed: str = ""


# --------------------------------------------------------------------------- helpers


_CLOSERS = {"“": "”", "«": "»", '"': '"'}


def _open_quote(text: str) -> str | None:
    """The quote mark a line leaves open (more “ than ”, or an odd number of "), if any."""
    for opener in _CLOSERS:
        if opener in text and _quote_balance(text, opener, opening=True) > 0:
            return opener
    return None


def _quote_balance(text: str, opener: str, *, opening: bool) -> int:
    """How far a line moves the quotation depth: +1 per opening mark, -1 per closing
    mark. Straight quotes alternate, so a line with an odd number of them opens (on the
    first line) or closes (on a later line) the quotation."""
    closer = _CLOSERS[opener]
    if opener == closer:
        odd = text.count(opener) % 2
        return odd if opening else -odd
    return text.count(opener) - text.count(closer)


def _heading_number(kind: str, rest: str) -> tuple[str, str, str] | None:
    """(kind, number, title) for "Chương" + rest, or None when rest does not start with
    a number followed by the end, a separator or an upper-case title."""
    words = rest.split()
    number = ""
    remainder = rest
    if kind == "phan" or (words and fold(words[0]) == "thu"):
        taken = []
        for word in words[:4]:
            clean = word.rstrip(".:,-–—")
            if fold(clean) in NUMBER_WORDS:
                taken.append(clean)
                if clean != word:
                    break
            else:
                break
        while taken and vietnamese_number(" ".join(taken)) is None:
            taken.pop()
        if taken:
            number = " ".join(taken)
            remainder = rest[rest.index(taken[-1]) + len(taken[-1]) :]
    if not number:
        m = _NUMBER_TOKEN_RE.match(rest)
        if m is None:
            return None
        number = m.group("num")
        if number.isalpha() and roman_to_int(number) is None:
            return None
        remainder = rest[m.end() :]
    remainder = remainder.strip()
    if remainder and remainder[0] in ".:-–—":
        title = remainder.lstrip(".:-–— ")
    elif not remainder:
        title = ""
    elif remainder.isupper():
        title = remainder
    else:
        return None
    return kind, number, title


def _split_article_title(rest: str) -> tuple[str, str]:
    """(heading, text) of what follows "Điều 5." on its line: a sentence ending in ":"
    or ";", or a long one ending in ".", is text rather than a heading."""
    rest = rest.strip()
    if rest.endswith((":", ";")) or (rest.endswith(".") and len(rest.split()) > 12):
        return "", rest
    return rest, ""


def _is_closing(text: str) -> bool:
    """Whether a line (or table cell) belongs to the closing: the adoption formula, a
    signature line ("TM. CHÍNH PHỦ", "CHỦ TỊCH QUỐC HỘI", "(Đã ký)") or "Nơi nhận"."""
    return bool(_CLOSING_RE.match(text)) or (
        text.isupper() and _SIGNATURE_TITLE_RE.match(text) is not None
    )


def _heading_like(text: str) -> bool:
    if _KHOAN_RE.match(text) or _DIEM_RE.match(text):
        return False
    return not text.rstrip().endswith((".", ":", ";", "./."))


def _drop_trailing_matter(lines: list[_Line]) -> list[_Line]:
    """Drop, from an article body, a leaked heading of the next unit and the closing
    formula and signature after the last article."""
    cut = next((i for i, line in enumerate(lines) if _is_closing(line.text)), len(lines))
    lines = lines[:cut]
    while lines:
        m = _HEADING_RE.match(lines[-1].text)
        if m and _heading_number(fold(m.group("kw")).replace(" ", "_"), m.group("rest")):
            lines = lines[:-1]
        elif (
            len(lines) >= 2
            and lines[-1].text.isupper()
            and (m := _HEADING_RE.match(lines[-2].text))
            and _heading_number(fold(m.group("kw")).replace(" ", "_"), m.group("rest"))
        ):
            lines = lines[:-2]
        else:
            break
    return lines


_INSTITUTION_RE = re.compile(
    r"\b(?:CHÍNH PHỦ|QUỐC HỘI|BỘ|ỦY BAN|NHÂN DÂN|NHÀ NƯỚC|TÒA ÁN|VIỆN|HỘI ĐỒNG|VĂN PHÒNG)\b"
)


def _name_rank(text: str) -> int:
    """How much a cell looks like a person's name under a signature: 2 for 2 to 6
    capitalised words ("Nguyễn Phú Trọng"), 1 for such words in capitals ("NGUYỄN XUÂN
    PHÚC", not a title or an institution), 0 otherwise."""
    words = text.split()
    if not 2 <= len(words) <= 6 or not all(w.isalpha() and w[0].isupper() for w in words):
        return 0
    if all(w[1:].islower() or len(w) == 1 for w in words):
        return 2
    if text.isupper() and not (
        _SIGNATURE_TITLE_RE.match(text) or _MOTTO_RE.match(text) or _INSTITUTION_RE.search(text)
    ):
        return 1
    return 0


def _number_value(kind: str, number: str) -> tuple[int, str] | None:
    """(main number, suffix) for ordering checks; None when the number is not readable."""
    if kind == "diem":
        letter, digits = number[0], number[1:]
        index = DIEM_LETTERS.find(letter)
        return (index + 1, digits) if index >= 0 else None
    m = re.fullmatch(r"(\d+)([a-zđ]?)", number, re.I)
    if m:
        return int(m.group(1)), m.group(2).lower()
    value = roman_to_int(number) or vietnamese_number(number)
    return (value, "") if value else None


def _format_missing(kind: str, last: int, current: int) -> str:
    if kind == "diem":
        letters = DIEM_LETTERS[last : current - 1]
        return ", ".join(letters)
    if current - last == 2:
        return str(last + 1)
    return f"{last + 1}–{current - 1}"


def _id_number(kind: str, number: str) -> str:
    if kind in _HEADING_KINDS:
        value = roman_to_int(number) or vietnamese_number(number)
        if value:
            return str(value)
    return slug_number(number)


def _assign_ids(nodes: list[ProvisionNode], *, eid_base: str, anchor_base: str) -> None:
    """Fill ``eid`` and ``anchor`` of every node, unique within the given trees."""
    seen_eids: dict[str, int] = {}
    seen_anchors: dict[str, int] = {}

    def visit(node: ProvisionNode, eid_path: str, anchor_path: str) -> None:
        segment = f"{node.kind}_{_id_number(node.kind, node.number)}"
        eid = f"{eid_path}__{segment}" if eid_path else segment
        anchor_segment = segment.replace("_", "-")
        if node.kind == "dieu" or node.kind in ("phan", "chuong"):
            anchor = anchor_segment
        else:
            anchor = f"{anchor_path}-{anchor_segment}" if anchor_path else anchor_segment
        node.eid = _unique(eid, seen_eids, "_")
        node.anchor = _unique(anchor, seen_anchors, "-")
        for child in node.children:
            visit(child, node.eid, node.anchor)

    for node in nodes:
        visit(node, eid_base, anchor_base)


def _unique(value: str, seen: dict[str, int], sep: str) -> str:
    """``value``, or ``value<sep>2``, ``<sep>3`` ... when taken; ``seen`` maps each value
    to the last suffix tried for it (so many repeats stay linear)."""
    if value not in seen:
        seen[value] = 1
        return value
    n = seen[value]
    while True:
        n += 1
        candidate = f"{value}{sep}{n}"
        if candidate not in seen:
            break
    seen[value] = n
    seen[candidate] = 1
    return candidate


# --------------------------------------------------------------------------- DOCX


def _docx_lines(raw: bytes) -> tuple[list[str], int]:
    """Lines of a DOCX in document order, and how many paragraphs use Word numbering."""
    import docx  # python-docx; imported here so the text parsers load without it
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ParseError("", "", "tệp nén không phải DOCX (không có word/document.xml)")
        total = sum(info.file_size for info in archive.infolist())
        if total > 200 * 2**20:
            raise ParseError("", "", "tệp DOCX quá lớn khi giải nén (trên 200 MB)")
    document = docx.Document(io.BytesIO(raw))
    lines: list[str] = []
    numbered = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            lines.append(paragraph.text)
            if child.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None and paragraph.text.strip():
                numbered += 1
        elif child.tag == qn("w:tbl"):
            lines.extend(_table_lines(Table(child, document)))
    return lines, numbered


def _table_lines(table) -> list[str]:
    """One line per printed row of text: the k-th paragraph of every cell of a row joined
    by " | " (merged cells once; empty cells at either end left out)."""
    out: list[str] = []
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append([p.text.strip() for p in cell.paragraphs if p.text.strip()])
        depth = max((len(c) for c in cells), default=0)
        for k in range(depth):
            parts = [c[k] if k < len(c) else "" for c in cells]
            while parts and not parts[0]:
                parts.pop(0)
            while parts and not parts[-1]:
                parts.pop()
            if parts:
                out.append(" | ".join(parts))
    return out
