"""Writes for the portal: the page tree per language, and what follows a page change."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import ArticlePage, HomePage

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
