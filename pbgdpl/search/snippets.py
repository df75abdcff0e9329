"""Snippets: the passage of a text that holds most query terms, with the terms marked."""

import re
from collections import Counter
from html import escape

from pbgdpl.core.text import fold

MAX_SCAN = 20_000
WINDOW_CHARS = 220


def _hits(text: str, terms: set[str], folded: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, term) of every whole-word occurrence of a term, diacritics ignored.
    ``folded`` is ``fold(text)`` when the caller has it (the index stores it)."""
    if folded is None or len(folded) != len(text):
        folded = fold(text)
    if len(folded) != len(text):
        # Rare characters fold to a different length: match word by word instead.
        return [
            (m.start(), m.end(), key)
            for m in re.finditer(r"\w+", text)
            if (key := fold(m.group())) in terms
        ]
    hits = []
    n = len(folded)
    for term in terms:
        if not term.isalnum():
            continue
        size = len(term)
        pos = folded.find(term)
        while pos >= 0:
            end = pos + size
            if (pos == 0 or not folded[pos - 1].isalnum()) and (
                end == n or not folded[end].isalnum()
            ):
                hits.append((pos, end, term))
            pos = folded.find(term, end)
    hits.sort()
    return hits


def snippet_html(
    text: str, terms: set[str], *, width: int = WINDOW_CHARS, folded: str | None = None
) -> str:
    """An HTML-escaped passage of about ``width`` characters of ``text`` where the most
    distinct ``terms`` (folded syllables) occur, each occurrence wrapped in <mark>.
    Without a match, the opening of the text. Safe to insert into HTML as is."""
    text = text[:MAX_SCAN]
    hits = _hits(text, terms, folded[:MAX_SCAN] if folded else None)
    start = 0
    if hits:
        # Two pointers over the hits: the window of `width` chars with most distinct terms.
        counts: Counter[str] = Counter()
        best, best_i, left = -1, 0, 0
        for h_start, _h_end, term in hits:
            counts[term] += 1
            while h_start - hits[left][0] > width:
                old = hits[left][2]
                counts[old] -= 1
                if not counts[old]:
                    del counts[old]
                left += 1
            if len(counts) > best:
                best, best_i = len(counts), left
        start = hits[best_i][0]
        # Begin a little before the first hit, at a word boundary.
        back = text.rfind(" ", max(0, start - 40), start)
        start = back + 1 if back >= 0 else max(0, start - 40)
        if start < 60:
            start = 0
    end = min(len(text), start + width + 60)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    out = ["… " if start > 0 else ""]
    cursor = start
    for h_start, h_end, _term in hits:
        if h_start < start or h_end > end:
            continue
        out.append(escape(text[cursor:h_start]))
        out.append(f"<mark>{escape(text[h_start:h_end])}</mark>")
        cursor = h_end
    out.append(escape(text[cursor:end]))
    if end < len(text):
        out.append(" …")
    return "".join(out).replace("\n", " ")
