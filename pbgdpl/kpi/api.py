"""/api/v1/kpi/… — the plan's indicators and their values."""

from ninja import Router

router = Router(tags=["kpi"])
