"""GET /api/v1/search — the one search over laws, Pháp điển and (later) portal and Q&A."""

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from .selectors import SearchInputError, SearchRequest, search_run

router = Router(tags=["search"])


class SearchDocumentOut(Schema):
    number: str
    title: str
    type: str
    status: str
    status_label: str | None = None
    issuer: str | None = None
    url: str | None = None


class SearchProvisionOut(Schema):
    eid: str
    label: str
    article_number: str


class SearchSourceOut(Schema):
    document_number: str
    article_number: str
    clause_number: str | None = None
    citation: str | None = None
    url: str | None = None


class SearchResultOut(Schema):
    kind: str
    uri: str
    url: str
    title: str
    snippet: str
    score: float
    document: SearchDocumentOut | None = None
    provision: SearchProvisionOut | None = None
    source: SearchSourceOut | None = None


class SearchJumpOut(Schema):
    count: int
    results: list[SearchResultOut]


class SearchOut(Schema):
    count: int
    took_ms: float
    results: list[SearchResultOut]
    jump: SearchJumpOut | None = None


class SearchParams(Schema):
    q: str = ""
    kind: str | None = None
    limit: int = 10
    offset: int = 0
    type: str = ""
    issuer: str = ""
    field: str = ""
    status: str = ""
    year: int | None = None
    on: date | None = None


@router.get(
    "/search",
    response=SearchOut,
    summary="Tìm văn bản, điều khoản và điều pháp điển",
    description=(
        "Tìm theo từ khóa, số ký hiệu (14/2012/QH13, 14/2012, QH13 14), cụm từ trong "
        "ngoặc kép hoặc cả câu hỏi; gõ có dấu hay không dấu đều được. `kind`: provision "
        "(điều) hoặc document (văn bản). `snippet` là HTML đã thoát ký tự, từ khớp nằm "
        "trong <mark>. `jump`: văn bản khớp đúng số ký hiệu trong câu tìm."
    ),
)
def search(request: HttpRequest, params: Query[SearchParams]):
    try:
        result = search_run(
            SearchRequest(
                q=params.q,
                kind=params.kind,
                limit=params.limit,
                offset=params.offset,
                doc_type=params.type,
                issuer=params.issuer,
                legal_field=params.field,
                status=params.status,
                year=params.year,
                on=params.on,
            )
        )
    except SearchInputError as exc:
        raise HttpError(422, str(exc)) from None
    return {
        "count": result.count,
        "took_ms": result.took_ms,
        "results": result.results,
        "jump": result.jump,
    }
