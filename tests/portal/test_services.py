"""portal_site_tree_ensure repairs a database whose pages were removed."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Collection, Page, Site

from pbgdpl.portal.models import HomePage
from pbgdpl.portal.services import portal_site_tree_ensure

pytestmark = pytest.mark.django_db


def test_ensure_is_a_no_op_on_a_migrated_database():
    home = HomePage.objects.get()
    pages = Page.objects.count()
    assert portal_site_tree_ensure().pk == home.pk
    assert Page.objects.count() == pages


@pytest.fixture
def _content_type_cache_cleared_after():
    yield
    # The flush below re-creates the content types with new ids: drop the cached ones.
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)  # PostgreSQL cannot TRUNCATE inside the test transaction
@pytest.mark.usefixtures("_content_type_cache_cleared_after")
def test_ensure_rebuilds_the_tree_after_a_flush(client):
    call_command("flush", interactive=False, verbosity=0)
    assert not Page.objects.exists()
    home = portal_site_tree_ensure()
    assert home.get_parent().depth == 1
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert Collection.get_first_root_node() is not None
    assert client.get("/").status_code == 200
