"""Items pulled from peers are searchable here too (kind "shared"), each shown on its
read-only page with its provenance; registered with search in AppConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pbgdpl.search.registry import IndexDocument, SearchType, register, register_kind_label

from .models import SharedItem

SEARCH_SHARED = "exchange.item"


def shared_item_url(item: SharedItem) -> str:
    """Where this node shows a pulled item (read-only, with its source)."""
    return reverse("exchange_items:item", kwargs={"type": item.type, "uuid": item.uuid})


def shared_item_text(data: dict) -> str:
    """The readable text of an item's data, whatever its type."""
    summary, text = data.get("summary") or "", data.get("text") or ""
    # A portal article's text already starts with its summary.
    parts = [text] if summary and text.startswith(summary) else [summary, text]
    for key in ("description", "subject"):
        value = data.get(key)
        if isinstance(value, list):
            parts.extend(str(v) for v in value)
    return "\n".join(p for p in parts if p)


def shared_fetch(ids: list[str]) -> list[IndexDocument]:
    keys = [int(i) for i in ids if str(i).isdigit()]
    out = []
    for item in SharedItem.objects.filter(pk__in=keys, peer__isnull=False, deleted=False):
        data = item.data or {}
        title = data.get("title")
        if isinstance(title, list):
            title = title[0] if title else ""
        fields = data.get("fields") or []
        out.append(
            IndexDocument(
                type=SEARCH_SHARED,
                id=str(item.pk),
                kind="shared",
                title=str(title or item.uri),
                body=shared_item_text(data) or str(title or ""),
                context=" ".join(str(f) for f in fields),
                numbers=(data["number"],) if data.get("number") else (),
                data={
                    "url": shared_item_url(item),
                    "shared": {"origin": item.origin, "type": item.type},
                },
            )
        )
    return out


def shared_all_ids():
    return (
        SharedItem.objects.filter(peer__isnull=False, deleted=False)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator()
    )


def register_all() -> None:
    register(SearchType(SEARCH_SHARED, "shared", shared_fetch, shared_all_ids))
    register_kind_label("shared", _("Từ cổng khác"))
