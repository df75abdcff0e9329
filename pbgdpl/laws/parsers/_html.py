"""HTML fragments to plain text lines, for Pháp điển pages."""

import re
from html import unescape

import lxml.html
from lxml import etree

from pbgdpl.core.text import normalize

# Elements that start and end a line of text.
_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
))  # fmt: skip
# Elements whose content is never text for the reader.
_SKIP = frozenset(("script", "style", "head", "title", "object", "noscript", "template"))
_CELLS = ("td", "th")
# Joins lines while a whole fragment is normalized in one call; never in the input.
_LINE = "\ue001"

_ANY_TAG_RE = re.compile(r"<[^>]*>")
_BLOCK_TAG_RE = re.compile(
    r"<\s*/?\s*(?:" + "|".join(sorted(_BLOCK | set(_CELLS))) + r")\b[^>]*>", re.I
)
# The fast path (fragments without tables): comments and skipped elements go, block tags
# break lines, other tags vanish. A "<" not followed by a tag name is text.
_DROP_RE = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|head|title|object|noscript|template)\b.*?(?:</\1\s*>|$)",
    re.I | re.S,
)
_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>|<![^>]*>|<\?[^>]*>")
# "<p1. Hồ sơ ...", "<pCác ...": a paragraph tag that lost its ">" (seen in the Pháp điển
# export); without repair the parser takes the sentence for the tag's attributes.
_BROKEN_P_RE = re.compile(r"<p(?=\d|[^\W\d_a-z])")
_TABLE_RE = re.compile(r"<\s*/?\s*(?:table|tr|td|th|tbody|thead|tfoot)\b", re.I)


def html_inline_text(fragment: str) -> str:
    """Text of a one-line fragment (a heading, a link): block tags (br, p, div, td ...)
    become spaces, other tags vanish ("<em>Đi</em>ều" is "Điều"), entities are decoded,
    the result is normalized. No parser: for the small pieces of a page."""
    return normalize(unescape(_ANY_TAG_RE.sub("", _BLOCK_TAG_RE.sub(" ", fragment))))


def html_block_lines(fragment: str) -> list[str]:
    """The lines a reader sees in an HTML fragment, each normalized, empty ones dropped.

    Block elements (p, div, br, li, headings ...) break lines; a table gives one line per
    row with its cells' text joined by " | " (a row with no text is dropped; nested tables
    are flattened into their cell); entities are decoded; scripts, styles and comments are
    ignored. Broken markup never raises: fragments with tables go through lxml's forgiving
    HTML parser, the others through a tag scanner that gives the same lines, faster.
    """
    if not fragment.strip():
        return []
    fragment = _BROKEN_P_RE.sub("<p>", fragment)
    if _TABLE_RE.search(fragment) is None:
        raw = _scan(fragment)
    else:
        try:
            root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        except (etree.ParserError, ValueError):
            raw = [_ANY_TAG_RE.sub(" ", fragment)]
        else:
            raw, buf = [], []
            _walk(root, raw, buf)
            _flush(raw, buf)
    text = normalize(_LINE.join(line.replace(_LINE, "") for line in raw))
    return [line for line in (part.strip(" ") for part in text.split(_LINE)) if line]


def _scan(fragment: str) -> list[str]:
    lines: list[str] = []
    buf: list[str] = []
    pos = 0
    fragment = _DROP_RE.sub("", fragment)
    for m in _TAG_RE.finditer(fragment):
        if m.start() > pos:
            buf.append(unescape(fragment[pos : m.start()]))
        pos = m.end()
        name = m.group(1)
        if name and name.lower() in _BLOCK:
            _flush(lines, buf)
    if pos < len(fragment):
        buf.append(unescape(fragment[pos:]))
    _flush(lines, buf)
    return lines


def _flush(lines: list[str], buf: list[str]) -> None:
    if buf:
        line = "".join(buf)
        if line.strip():
            lines.append(line)
        buf.clear()


def _tag(el) -> str:
    """Lower-case tag name; '' for comments and processing instructions."""
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _walk(el, lines: list[str], buf: list[str]) -> None:
    for child in el:
        tag = _tag(child)
        if not tag or tag in _SKIP:  # comment or processing instruction: keep its tail only
            pass
        elif tag == "table":
            _flush(lines, buf)
            _table(child, lines, buf)
            _flush(lines, buf)
        elif tag in _BLOCK:
            _block(child, lines, buf)
        elif tag in _CELLS:  # a cell outside any table row: keep cells apart
            if buf:
                buf.append(" | ")
            if child.text:
                buf.append(child.text)
            _walk(child, lines, buf)
        else:
            if child.text:
                buf.append(child.text)
            _walk(child, lines, buf)
        if child.tail:
            buf.append(child.tail)


def _block(el, lines: list[str], buf: list[str]) -> None:
    _flush(lines, buf)
    if _tag(el) not in _SKIP:
        if el.text:
            buf.append(el.text)
        _walk(el, lines, buf)
    _flush(lines, buf)


def _table(table, lines: list[str], buf: list[str]) -> None:
    """One line per row, cells joined by " | "; anything else inside the table (a
    caption, stray text, a broken row) as ordinary lines."""
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            _flush(lines, buf)
            _row(child, lines)
        elif tag in ("thead", "tbody", "tfoot"):
            for sub in child:
                if _tag(sub) == "tr":
                    _flush(lines, buf)
                    _row(sub, lines)
                elif _tag(sub):
                    _block(sub, lines, buf)
        elif tag:
            _block(child, lines, buf)


def _row(row, lines: list[str]) -> None:
    cells = []
    for cell in row:
        if _tag(cell) in _CELLS:
            inner: list[str] = []
            _block(cell, inner, [])
            cells.append(" ".join(inner))
    if any(cell.strip() for cell in cells):
        lines.append(" | ".join(cells))
