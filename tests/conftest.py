"""Project-wide fixtures: factories and settings every test relies on."""

import pytest

from tests.browser import browser  # noqa: F401  (one session-wide Chromium for every test module)
from tests.factories import UnitFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Test users' passwords are hashed with a fast hasher (production keeps PBKDF2, whose
    cost is the point there and a waste of seconds per test here)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The test client speaks plain HTTP; production redirects to HTTPS."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _wagtail_site_tree(request):
    """Database tests see the page tree of a migrated database.

    Transactional tests (browser tests with live_server) flush every table when they end,
    including the pages the migrations created; tests that run after them in the same
    worker get the tree back here. (Not serialized_rollback: after a plain transactional
    test's flush has re-created the content types, loading the serialized copy fails on
    their unique key, so no test uses it.)
    """
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )
    if not uses_db:
        return
    request.getfixturevalue("_django_db_helper")
    from django.contrib.contenttypes.models import ContentType

    from pbgdpl.portal.services import portal_site_tree_ensure

    # A flush re-creates the content types with new ids: never trust cached ones here.
    ContentType.objects.clear_cache()
    portal_site_tree_ensure()


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def province(db):
    return UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh", parent=None)


@pytest.fixture
def commune_a(province):
    return UnitFactory(code="21583", name="Phường Quy Nhơn", kind="phuong", parent=province)


@pytest.fixture
def commune_b(province):
    return UnitFactory(code="24001", name="Xã Ia Grai", kind="xa", parent=province)


@pytest.fixture(autouse=True)
def _search_index(settings, tmp_path_factory):
    """Every test gets its own, empty search index directory, checked on every query."""
    from pbgdpl.search.node import search_nodes_forget

    settings.SEARCH_INDEX_DIR = tmp_path_factory.mktemp("search")
    settings.SEARCH_SYNC_INTERVAL = 0
    search_nodes_forget()
    yield
    search_nodes_forget()
