import pytest

from pbgdpl.kpi.definitions import indicators_load

from .factories import fake_sources, kpi_world  # noqa: F401


@pytest.fixture(autouse=True)
def _plan_indicators(request):
    """The plan's indicators and targets come from a data migration. A transactional test
    (the browser tests) empties every table when it ends, and the next test on the same
    worker would find no indicators: every database test here loads them again first
    (idempotent, a few milliseconds)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    indicators_load()


@pytest.fixture
def world(db):
    return kpi_world()
