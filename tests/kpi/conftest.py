import pytest

from .factories import fake_sources, kpi_world  # noqa: F401


@pytest.fixture
def world(db):
    return kpi_world()
