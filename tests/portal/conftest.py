"""Fixtures for the public shell tests."""

import pytest


@pytest.fixture
def home_page(db):
    """The home page created by the migration portal/0002_create_homepage."""
    from pbgdpl.portal.models import HomePage

    page = HomePage.objects.live().first()
    assert page is not None, "the migration portal/0002_create_homepage should create it"
    return page
