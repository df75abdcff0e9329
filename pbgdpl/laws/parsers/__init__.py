"""Pure parsers for legal texts: no models, no database.

* :mod:`.citation` -- citations of source provisions ("Điều 1 Luật số 24/2008/QH12 ...").
* :mod:`.phapdien` -- the đề mục pages of the Bộ pháp điển điện tử.
* :mod:`.structure` -- the Phần > Chương > Mục > Điều > Khoản > Điểm tree of a text.

Every parser raises :class:`ParseError` (naming the source and the position) for input it
cannot read, and nothing else; the citation parsers never raise.
"""

from ._errors import ParseError
from .citation import DOCUMENT_TYPE_NAMES, Citation, citation_parse, citation_parse_html
from .phapdien import (
    TOPIC_NAMES,
    PhapDienArticle,
    PhapDienPage,
    phapdien_iter_pages,
    phapdien_parse_page,
)
from .structure import (
    KINDS,
    ParsedDocument,
    ProvisionNode,
    iter_nodes,
    structure_parse_article,
    structure_parse_docx,
    structure_parse_text,
)

__all__ = [
    "DOCUMENT_TYPE_NAMES",
    "KINDS",
    "TOPIC_NAMES",
    "Citation",
    "ParseError",
    "ParsedDocument",
    "PhapDienArticle",
    "PhapDienPage",
    "ProvisionNode",
    "citation_parse",
    "citation_parse_html",
    "iter_nodes",
    "phapdien_iter_pages",
    "phapdien_parse_page",
    "structure_parse_article",
    "structure_parse_docx",
    "structure_parse_text",
]
