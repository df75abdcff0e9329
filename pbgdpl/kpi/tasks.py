"""Background work of the indicators (django-tasks): recompute what changed."""

from django_tasks import task


@task()
def kpi_recompute_task() -> int:
    """Recompute the periods marked dirty; returns how many periods were computed."""
    from .compute import dirty_recompute

    return len(dirty_recompute())
