"""Text analysis for the index and for queries: the same folded syllables on both sides.

Vietnamese is written in syllables; most words are two syllables ("pháp luật", "công an").
Every text is indexed as folded syllables (no diacritics, lower case: what a person types
on a phone without a Vietnamese keyboard) and as syllable bigrams ("phap_luat"), which
stand in for word segmentation: they keep "ma túy" apart from "túy" in other words and
rank an article that has the whole phrase above one that has its syllables scattered.
Document numbers are one token ("14/2012/qh13").
"""

import re
from dataclasses import dataclass, field
from itertools import pairwise

from pbgdpl.core.text import find_document_numbers, fold, normalize

# One token of folded text: a document number (number[/year]/code[-code…]) or a run of
# letters and digits. Applied to folded text only, so it is plain ASCII.
_TOKEN_RE = re.compile(
    r"\d{1,6}[a-z]?(?:/(?:19|20)\d\d)?/[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*|[a-z0-9]+"
)
_QUOTED_RE = re.compile(r"[\"“”„«»]([^\"“”„«»]{2,200})[\"“”„«»]")
_BARE_NUMBER_YEAR_RE = re.compile(r"^\s*(\d{1,6}[a-zA-Z]?)\s*/\s*((?:19|20)\d\d)\s*/?\s*$")
_CODE_RE = re.compile(r"^[a-z]{2,}[a-z0-9]*(?:-[a-z0-9]+)*$")
_NUMBER_RE = re.compile(r"^\d{1,6}[a-z]?$")

# Telex keys left in the text when the Vietnamese keyboard was off: a final tone key, the
# doubled vowels and "dd", and "w" for the horn/breve.
_TELEX_TONE = set("sfrxj")
_TELEX_PAIRS = (("aa", "a"), ("ee", "e"), ("oo", "o"), ("dd", "d"), ("uw", "u"), ("ow", "o"),
                ("aw", "a"), ("w", "u"))  # fmt: skip


def index_tokens(text: str) -> list[str]:
    """Folded tokens of a stored text, in order (fast: one fold, one regex)."""
    return _TOKEN_RE.findall(fold(text))


def bigrams(tokens: list[str]) -> list[str]:
    """Adjacent token pairs joined by "_" ("phap_luat")."""
    return list(map("_".join, pairwise(tokens)))


def folded_tokens(folded: str) -> list[str]:
    """Tokens of text that is already folded (see :func:`index_tokens`)."""
    return _TOKEN_RE.findall(folded)


def number_keys(number: str) -> list[str]:
    """The keys a document number answers to: "14/2012/qh13", "14/2012", "14/qh13"."""
    key = fold(number)
    parts = key.split("/")
    keys = [key]
    if len(parts) == 3:
        keys += [f"{parts[0]}/{parts[1]}", f"{parts[0]}/{parts[2]}"]
    return keys


def telex_repair(token: str) -> str | None:
    """The folded syllable a Telex leftover stands for ("luaatj" -> "luat",
    "phatj" -> "phat", "ddaats" -> "dat"), or None when the token has no Telex keys."""
    word = token
    if len(word) > 2 and word[-1] in _TELEX_TONE and word[-2] not in _TELEX_TONE:
        word = word[:-1]
    for pair, plain in _TELEX_PAIRS:
        word = word.replace(pair, plain)
    if word == token or not word.isalpha():
        return None
    return word


@dataclass
class AnalyzedQuery:
    """A query turned into index terms; never the raw text (no engine query syntax)."""

    text: str
    terms: list[str] = field(default_factory=list)  # folded syllables, query order
    phrases: list[list[str]] = field(default_factory=list)  # quoted phrases, as tokens
    number_keys: list[str] = field(default_factory=list)  # document number look-ups

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.number_keys)

    @property
    def bigrams(self) -> list[str]:
        return bigrams(self.terms)


def query_analyze(text: str) -> AnalyzedQuery:
    """Analyse what a person typed: any case, with or without diacritics, NFC or NFD.

    Document numbers in any messy spelling become their canonical folded form
    ("42/2022/NĐCP" -> "42/2022/nd-cp"); "14/2012" and "QH13 14" become number look-ups;
    text in quotes becomes a phrase.
    """
    clean = normalize(text or "")[:1000]
    query = AnalyzedQuery(text=clean)
    for number in find_document_numbers(clean):
        query.number_keys.extend(number_keys(str(number)))
    folded = fold(clean)
    bare = _BARE_NUMBER_YEAR_RE.match(folded)
    if bare:
        query.number_keys.append(f"{bare.group(1)}/{bare.group(2)}")
    query.terms = _TOKEN_RE.findall(folded)
    if len(query.terms) == 2 and not query.number_keys:
        a, b = query.terms
        if (_NUMBER_RE.match(a) and _CODE_RE.match(b) and not b.isalpha()) or (
            _NUMBER_RE.match(b) and _CODE_RE.match(a) and not a.isalpha()
        ):
            number, code = (a, b) if _NUMBER_RE.match(a) else (b, a)
            query.number_keys.append(f"{number}/{code}")
    for phrase in _QUOTED_RE.findall(folded):
        tokens = _TOKEN_RE.findall(phrase)
        if len(tokens) > 1:
            query.phrases.append(tokens)
    # de-duplicate, keep order
    query.number_keys = list(dict.fromkeys(query.number_keys))
    return query
