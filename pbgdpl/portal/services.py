"""Writes for the portal's page tree."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage

HOME_TITLE = "Cổng phổ biến, giáo dục pháp luật"
HOME_INTRO = "Tra cứu pháp luật, hỏi đáp, thi tìm hiểu pháp luật — nhanh, đúng, cho mọi người."


@transaction.atomic
def portal_site_tree_ensure() -> HomePage:
    """Make sure the Wagtail root, home page, root collection and default site exist.

    Returns the home page.

    The migration portal/0002 creates them on a new database; this repairs a database
    whose pages were removed (and is a no-op otherwise).
    """
    locale = Locale.objects.order_by("id").first()
    if locale is None:
        locale = Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        # The content types were re-created with the pages gone: the cached ids are stale.
        ContentType.objects.clear_cache()
        root = Page.add_root(title="Root", slug="root", locale=locale)
    home = HomePage.objects.order_by("path").first()
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
