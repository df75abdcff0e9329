"""Template slots: a place in a lower app's template that a higher app fills, so a
feature app's page can carry, say, the satisfaction-survey invitation without importing
the indicators app (DESIGN §2: lower floors never import higher ones).

A higher app registers a renderer in its AppConfig.ready()::

    slot_register("survey_invite", render_survey_invite)

and a template asks for the slot with ``{% load core_slots %}{% slot "survey_invite"
survey_context="qa" obj=question %}``. A renderer receives the template context and the
keyword arguments and returns HTML it has escaped itself (or ""). A slot nobody filled
renders nothing.
"""

from collections.abc import Callable
from typing import Any

from django.utils.safestring import SafeString, mark_safe

SlotRenderer = Callable[..., str]

_renderers: dict[str, list[SlotRenderer]] = {}


def slot_register(name: str, renderer: SlotRenderer) -> None:
    """Add ``renderer`` to slot ``name`` (idempotent for the same function)."""
    renderers = _renderers.setdefault(name, [])
    if renderer not in renderers:
        renderers.append(renderer)


def slot_render(name: str, context: Any, **kwargs: Any) -> SafeString:
    """The HTML of every renderer of slot ``name``, in registration order."""
    parts = [renderer(context, **kwargs) for renderer in _renderers.get(name, [])]
    return mark_safe("".join(part for part in parts if part))  # noqa: S308 (renderers escape)
