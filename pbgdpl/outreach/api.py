"""/api/v1/outreach/… — aggregate figures of outreach activities (no personal data)."""

from ninja import Router

router = Router(tags=["outreach"])
