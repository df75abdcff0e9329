"""Public pages of warehouse items: ``/id/<type>/<uuid>`` resolves this node's global
URIs, and ``/nguon-khac/<type>/<uuid>/`` shows an item pulled from a peer, read-only,
with its provenance ("Nguồn: …")."""

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .models import SharedItem
from .search_types import shared_item_text
from .selectors import item_as_feed_entry, readable_types
from .services import item_uri


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def item_resolve(request: HttpRequest, type: str, uuid: UUID) -> HttpResponse:
    """This node's URI of an item: JSON (the feed entry) for machines asking for it,
    otherwise the item's page; a deleted item answers 410 Gone (its tombstone)."""
    item = SharedItem.objects.filter(uri=item_uri(type=type, uuid=uuid)).first()
    if item is None or item.type not in readable_types(token=None):
        raise Http404(_("Không có mục dữ liệu này."))
    if _wants_json(request):
        return JsonResponse(item_as_feed_entry(item), status=410 if item.deleted else 200)
    if item.deleted:
        return render(request, "exchange/item_gone.html", {"item": item}, status=410)
    url = (item.data or {}).get("url")
    if not url:
        raise Http404(_("Mục dữ liệu này không có trang hiển thị."))
    return HttpResponseRedirect(url)


def item_detail(request: HttpRequest, type: str, uuid: UUID) -> HttpResponse:
    """A pulled item, read-only, with where it comes from and under which licence."""
    item = (
        SharedItem.objects.filter(type=type, uuid=uuid, peer__isnull=False)
        .select_related("peer")
        .first()
    )
    if item is None:
        raise Http404(_("Không có mục dữ liệu này."))
    if item.deleted:
        return render(request, "exchange/item_gone.html", {"item": item}, status=410)
    data = item.data or {}
    title = data.get("title")
    if isinstance(title, list):
        title = title[0] if title else ""
    paragraphs = [p for p in shared_item_text(data).split("\n") if p.strip()]
    return render(
        request,
        "exchange/item_detail.html",
        {
            "item": item,
            "title": title or item.uri,
            "data": data,
            "paragraphs": paragraphs,
            "fields": data.get("fields") or data.get("subject") or [],
        },
    )
