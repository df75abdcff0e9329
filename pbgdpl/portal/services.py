"""Writes for the portal: the page tree per language, what follows a page change, and the
anonymous page views counted by the commune the reader chose."""

import atexit
import logging
import threading
import time
from collections import Counter
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from wagtail.models import Collection, Locale, Page, Site

from .models import ArticlePage, HomePage, LocalPageView

logger = logging.getLogger(__name__)

HOME_TITLE = "Cổng phổ biến, giáo dục pháp luật"
HOME_INTRO = "Tra cứu pháp luật, hỏi đáp, thi tìm hiểu pháp luật — nhanh, đúng, cho mọi người."


@transaction.atomic
def portal_site_tree_ensure() -> HomePage:
    """Make sure the Wagtail root, the content languages' locales, the reference data
    (audiences, common legal fields), the home page, the root collection and the default
    site exist. Returns the (Vietnamese) home page.

    The migrations create them on a new database; this repairs a database whose pages
    were removed (and is a no-op otherwise).
    """
    from pbgdpl.laws.models import LegalField
    from pbgdpl.laws.seeds import legal_fields_seed

    from .models import Audience
    from .seeds import audiences_seed

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    audiences_seed(Audience)
    legal_fields_seed(LegalField)
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        # The content types were re-created with the pages gone: the cached ids are stale.
        ContentType.objects.clear_cache()
        root = Page.add_root(title="Root", slug="root", locale=locale)
    home = HomePage.objects.filter(locale=locale).order_by("path").first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title=HOME_TITLE, slug="trang-chu", intro=HOME_INTRO, locale=locale)
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    return home


def portal_page_changed(*, page: Page, revision: Any = None, published: bool) -> None:
    """Follow up a page being published, unpublished or deleted.

    Logs the change for search (in the caller's transaction), drops the cached public
    pages, and, for a published article, asks for its audio version (generated in the
    background once the transaction commits; reused when the text did not change).
    """
    from pbgdpl.exchange.services import exchange_publish
    from pbgdpl.search.services import search_changes_record

    from .audio import article_audio_schedule
    from .cache import page_cache_invalidate
    from .exchange_types import EXCHANGE_PAGE
    from .search_types import SEARCH_PAGE

    # Publishing signals pass the specific page; a deletion passes the base Page row (its
    # content type still says what it was) and is never looked up again.
    kind = page.specific_class or type(page)
    if issubclass(kind, ArticlePage):
        search_changes_record(
            type=SEARCH_PAGE, ids=[page.pk], op="upsert" if published else "delete"
        )
        # The exchange feed: the page's current state, or a tombstone once it is gone.
        exchange_publish(type=EXCHANGE_PAGE, local_ids=[page.pk])
        if published and isinstance(page, ArticlePage):
            article_audio_schedule(page=page, revision=revision)
    page_cache_invalidate()


# ----------------------------------------------------------------------------- local page views
# Views are counted in this process and written in one short transaction at most every
# PORTAL_PAGE_VIEWS_FLUSH_SECONDS (default 10; 0 writes every view at once), and when the
# process exits. Each process adds its own counts to the rows (UPDATE … SET count =
# count + n), so any number of processes and servers can count side by side; a process
# killed without warning loses at most its last interval of counts.
PAGE_VIEWS_FLUSH_SECONDS = 10
_views_lock = threading.Lock()
_views_pending: Counter[tuple[int, date]] = Counter()
_views_state = {"flushed_at": time.monotonic(), "atexit": False}


def local_page_view_add(*, unit_id: int, day: date) -> None:
    """Count one anonymous page view of a reader who chose commune ``unit_id``, on ``day``
    (no personal data: only the commune, the day and the count are ever stored)."""
    interval = float(getattr(settings, "PORTAL_PAGE_VIEWS_FLUSH_SECONDS", PAGE_VIEWS_FLUSH_SECONDS))
    now = time.monotonic()
    with _views_lock:
        _views_pending[(unit_id, day)] += 1
        if not _views_state["atexit"]:
            _views_state["atexit"] = True
            atexit.register(local_page_views_flush)
        if interval > 0 and now - _views_state["flushed_at"] < interval:
            return
        counts = dict(_views_pending)
        _views_pending.clear()
        _views_state["flushed_at"] = now
    _counts_write_or_keep(counts)


def local_page_views_flush() -> int:
    """Write this process's pending counts now; returns how many views were written."""
    with _views_lock:
        counts = dict(_views_pending)
        _views_pending.clear()
        _views_state["flushed_at"] = time.monotonic()
    _counts_write_or_keep(counts)
    return sum(counts.values())


def _counts_write_or_keep(counts: dict[tuple[int, date], int]) -> None:
    if not counts:
        return
    try:
        local_page_views_write(counts=counts)
    except Exception:
        # A busy or unreachable database: keep the counts for the next flush.
        logger.warning("local page views: write failed, kept for later", exc_info=True)
        with _views_lock:
            _views_pending.update(counts)


@transaction.atomic
def local_page_views_write(*, counts: dict[tuple[int, date], int]) -> None:
    """Add ``{(unit_id, day): views}`` to the stored counts (creating missing rows); counts
    of a unit that no longer exists are dropped."""
    from pbgdpl.units.models import Unit

    existing = set(
        Unit.objects.filter(pk__in={unit_id for unit_id, _day in counts}).values_list(
            "pk", flat=True
        )
    )
    for (unit_id, day), n in sorted(counts.items()):
        if unit_id not in existing:
            continue
        rows = LocalPageView.objects.filter(unit_id=unit_id, day=day)
        if rows.update(count=F("count") + n):
            continue
        try:
            with transaction.atomic():
                LocalPageView.objects.create(unit_id=unit_id, day=day, count=n)
        except IntegrityError:  # another process created the row just now
            rows.update(count=F("count") + n)
