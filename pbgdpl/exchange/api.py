"""The exchange API: the change feed and the published schemas (docs/exchange.md)."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from .registry import registered_types
from .selectors import MAX_LIMIT, feed_page, item_as_feed_entry, readable_types

router = Router(tags=["exchange"])


class ChangeOut(Schema):
    seq: int
    uri: str
    type: str
    op: str
    version: int
    hash: str
    updated_at: datetime
    origin: str
    licence: str
    data: dict[str, Any]


class ChangesOut(Schema):
    items: list[ChangeOut]
    next: int
    has_more: bool


class ChangesIn(Schema):
    after: int = Field(0, ge=0, description="Số thứ tự cuối cùng đã nhận (0: từ đầu)")
    limit: int = Field(100, ge=1, le=MAX_LIMIT)
    types: str = Field("", description="Các loại, cách nhau bởi dấu phẩy (để trống: tất cả)")


def _bearer(request: HttpRequest) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return None


@router.get("/exchange/changes", response=ChangesOut, summary="Luồng thay đổi của kho dữ liệu")
def changes(request: HttpRequest, params: Query[ChangesIn]):
    """Every item whose latest change comes after ``after``, in sequence order.

    Cursor paging only: pass the returned ``next`` as ``after``. Deleted items appear as
    ``op: "delete"`` tombstones (forever). Public types need no credentials; restricted
    ones need ``Authorization: Bearer <peer token>``.
    """
    allowed = readable_types(token=_bearer(request))
    wanted = {t.strip() for t in params.types.split(",") if t.strip()}
    unknown = wanted - set(registered_types())
    if unknown:
        raise HttpError(
            422, _("Loại dữ liệu không có: %(types)s.") % {"types": ", ".join(sorted(unknown))}
        )
    if wanted - allowed:
        raise HttpError(
            403,
            _("Cần mã truy cập của nút để đọc: %(types)s.")
            % {"types": ", ".join(sorted(wanted - allowed))},
        )
    page = feed_page(after=params.after, limit=params.limit, types=wanted or allowed)
    return {
        "items": [item_as_feed_entry(item) for item in page.items],
        "next": page.next,
        "has_more": page.has_more,
    }


@router.get("/exchange/schemas", summary="Lược đồ JSON của từng loại dữ liệu chia sẻ")
def schemas(request: HttpRequest):
    """The JSON Schema of each shareable type's ``data``, with its licence and access."""
    return {
        name: {
            "title": spec.title,
            "public": spec.public,
            "licence": spec.licence,
            "schema": spec.schema,
        }
        for name, spec in sorted(registered_types().items())
    }
