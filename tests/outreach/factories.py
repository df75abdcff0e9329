"""Factories for the outreach tests: the training world (province "52" with commune A, a
rural xã, and commune B, an urban phường; a province admin, an officer of each commune
and a province approver) plus a citizen, and activities and plans made through the real
services."""

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from pbgdpl.outreach import services
from pbgdpl.outreach.models import Activity, OutreachPlan
from pbgdpl.outreach.services import ActivityInput, PlanInput, TargetInput
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.qa.factories import staff
from tests.training.factories import TrainingWorld, training_world

DAY = date(2026, 3, 10)


@dataclass
class OutreachWorld:
    base: TrainingWorld
    citizen: Any

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    def editor_only(self) -> Any:
        """A province editor: staff without any outreach right."""
        return staff("editor", self.province)


def outreach_world() -> OutreachWorld:
    base = training_world()
    citizen = UserFactory()
    RoleAssignmentFactory(user=citizen, role="citizen", unit=base.commune)
    return OutreachWorld(base=base, citizen=citizen)


def activity_input(world: OutreachWorld, **overrides: Any) -> ActivityInput:
    """A valid mobile session of commune A (rural) on ``DAY`` with 120 participants,
    changed by ``overrides``."""
    values: dict[str, Any] = {
        "unit": world.commune.code,
        "kind": "mobile_session",
        "title": "Tuyên truyền Luật Đất đai năm 2024 tại thôn 3",
        "start_date": DAY,
        "mode": "offline",
        "audiences": ["citizens", "ethnic_minorities"],
        "place": "Nhà văn hóa thôn 3",
        "participants_total": 120,
        "legal_documents": "31/2024/QH15",
    }
    values.update(overrides)
    return ActivityInput(**values)


def activity_add(world: OutreachWorld, *, actor: Any = None, **overrides: Any) -> Activity:
    """An activity recorded through ``services.activity_create`` (by the province admin
    unless ``actor`` is given)."""
    return services.activity_create(
        actor=actor or world.province_admin, data=activity_input(world, **overrides)
    )


def plan_add(
    world: OutreachWorld,
    *,
    unit: Any = None,
    year: int = 2026,
    targets: list[tuple[str, str, int]] | None = None,
    actor: Any = None,
) -> OutreachPlan:
    unit = unit or world.commune
    rows = targets if targets is not None else [("activities", "", 4), ("participants", "", 300)]
    return services.plan_create(
        actor=actor or world.province_admin,
        data=PlanInput(unit=unit.code, year=year, title=f"Kế hoạch PBGDPL năm {year} của {unit}"),
        targets=[TargetInput(kind=k, activity_kind=a, value=v) for k, a, v in rows],
    )


def jpeg_bytes(colour: tuple[int, int, int] = (200, 120, 40)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="JPEG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    document.drawString(72, 720, "Bien ban hoi nghi")
    document.save()
    return buffer.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)
