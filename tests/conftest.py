"""Project-wide fixtures: factories and settings every test relies on."""

import pytest

from tests.factories import UnitFactory


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The test client speaks plain HTTP; production redirects to HTTPS."""
    settings.SECURE_SSL_REDIRECT = False


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
