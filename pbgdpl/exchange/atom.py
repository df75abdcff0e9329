"""The Atom feed of this node's changes: ``/trao-doi/thay-doi.atom``.

The 100 latest changes of public types (our items and those pulled from peers), newest
first — for feed readers and for WebSub discovery, not for syncing (peers use the JSON
change feed, which pages with a cursor). Each entry: ``<id>`` = item URI + ``#v`` +
version (a new version is a new entry), ``<title>`` = the item's title (or its URI),
``<updated>`` = when the item last changed, ``<link>`` = its page (``data["url"]``, else
its URI), ``<category>`` = its type, ``<summary>`` = the change (operation, version,
sequence number). A deleted item appears as a tombstone entry ("Đã xóa"). The feed carries
``<link rel="hub">`` (where to subscribe to push hints, push.py) and ``<link rel="self">``,
also sent as HTTP ``Link`` headers.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import SharedItem
from .push import hub_url
from .selectors import readable_types

FEED_SIZE = 100


class HubAtom1Feed(Atom1Feed):
    """Atom 1.0 with a ``<link rel="hub">`` (WebSub discovery)."""

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        if self.feed.get("hub_url"):
            handler.addQuickElement("link", "", {"rel": "hub", "href": self.feed["hub_url"]})


def _self_url() -> str:
    return settings.SITE_BASE_URL.rstrip("/") + reverse("exchange-changes-atom")


class ChangesFeed(Feed):
    feed_type = HubAtom1Feed
    language = "vi"

    def title(self) -> str:
        return _("Thay đổi trong kho dữ liệu PBGDPL — %(site)s") % {
            "site": getattr(settings, "WAGTAIL_SITE_NAME", "PBGDPL Số")
        }

    def subtitle(self) -> str:
        return _(
            "%(count)s thay đổi gần nhất của dữ liệu công khai. Đồng bộ đầy đủ: "
            "/api/v1/exchange/changes."
        ) % {"count": FEED_SIZE}

    def author_name(self) -> str:
        return getattr(settings, "WAGTAIL_SITE_NAME", "PBGDPL Số")

    def link(self) -> str:
        return settings.SITE_BASE_URL.rstrip("/") + "/"

    def feed_url(self) -> str:
        return _self_url()

    def feed_guid(self) -> str:
        return _self_url()

    def feed_extra_kwargs(self, obj) -> dict:
        return {"hub_url": hub_url()}

    def items(self) -> list[SharedItem]:
        public = readable_types(token=None)
        return list(SharedItem.objects.filter(type__in=public).order_by("-seq")[:FEED_SIZE])

    def item_title(self, item: SharedItem) -> str:
        title = str((item.data or {}).get("title") or "").strip() or item.uri
        return _("Đã xóa: %(title)s") % {"title": title} if item.deleted else title

    def item_link(self, item: SharedItem) -> str:
        url = (item.data or {}).get("url")
        return url if isinstance(url, str) and url.startswith(("http://", "https://")) else item.uri

    def item_guid(self, item: SharedItem) -> str:
        return f"{item.uri}#v{item.version}"

    def item_updateddate(self, item: SharedItem):
        return item.updated_at

    def item_pubdate(self, item: SharedItem):
        return item.updated_at

    def item_categories(self, item: SharedItem) -> tuple[str]:
        return (item.type,)

    def item_description(self, item: SharedItem) -> str:
        op = _("Xóa (bia mộ)") if item.deleted else _("Thêm hoặc sửa")
        return _("%(op)s — phiên bản %(version)s, số thứ tự %(seq)s, nguồn %(origin)s.") % {
            "op": op,
            "version": item.version,
            "seq": item.seq,
            "origin": item.origin,
        }


_feed = ChangesFeed()


def changes_atom(request: HttpRequest) -> HttpResponse:
    """The Atom feed of changes, with WebSub discovery ``Link`` headers."""
    response = _feed(request)
    response["Link"] = f'<{hub_url()}>; rel="hub", <{_self_url()}>; rel="self"'
    response["Cache-Control"] = "public, max-age=60"
    return response
