"""``{% slot "name" key=value … %}``: render what higher apps registered for a slot (see
:mod:`pbgdpl.core.slots`)."""

from typing import Any

from django import template

from pbgdpl.core.slots import slot_render

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context: Any, name: str, **kwargs: Any) -> str:
    return slot_render(name, context, **kwargs)
