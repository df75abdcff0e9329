"""Template slots: higher apps fill a lower app's template without being imported."""

from django.template import Context, Template

from pbgdpl.core import slots


def test_a_slot_renders_its_renderers_in_order_and_nothing_when_empty(monkeypatch):
    monkeypatch.setattr(slots, "_renderers", {})
    template = Template('{% load core_slots %}[{% slot "demo" who=name %}]')
    assert template.render(Context({"name": "A"})) == "[]"

    slots.slot_register("demo", lambda context, who: f"<b>{who}</b>")
    slots.slot_register("demo", lambda context, who: "")
    second = lambda context, who: f"<i>{context['extra']}</i>"  # noqa: E731
    slots.slot_register("demo", second)
    slots.slot_register("demo", second)  # registering twice adds it once
    assert template.render(Context({"name": "A", "extra": "x"})) == "[<b>A</b><i>x</i>]"
