"""Template tags of the indicators app, and the renderer of the "survey_invite" slot.

The invitation to the open satisfaction survey of a context ("portal", "qa", "contest",
"training") is shown to the share of visitors the survey samples (decided on the server),
with a signed reference to ``obj`` (optional); nothing when there is no open survey or the
visitor is not drawn. Feature apps' pages ask for it through the core slot —
``{% load core_slots %}{% slot "survey_invite" survey_context="qa" obj=question %}`` — so
they never import this app (registered in ``KpiConfig.ready``). For pages that are not
shared by a page cache (the draw is per visitor).
"""

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from .. import selectors
from ..charts import number_vi
from ..forms import CLIENT_COOKIE, survey_context_sign

register = template.Library()


def survey_invite_html(context: Any, *, survey_context: str, obj: Any = None) -> str:
    """The invitation's HTML for this visitor, or "" (see the module docstring)."""
    request = context.get("request")
    survey = selectors.survey_active_for(survey_context)
    if request is None or survey is None:
        return ""
    token = request.COOKIES.get(CLIENT_COOKIE, "")
    if not selectors.survey_invite_decide(survey=survey, client_token=token):
        return ""
    url = reverse("kpi:survey", args=[survey.slug])
    if obj is not None and getattr(obj, "pk", None) is not None:
        url += "?ctx=" + survey_context_sign(obj._meta.label_lower, obj.pk)
    return render_to_string(
        "kpi/_survey_invite.html", {"survey": survey, "url": url}, request=request
    )


@register.simple_tag(takes_context=True)
def kpi_survey_invite(context: Any, survey_context: str, obj: Any = None) -> str:
    """The invitation on the indicators app's own pages (others use the slot)."""
    return mark_safe(survey_invite_html(context, survey_context=survey_context, obj=obj))  # noqa: S308


@register.simple_tag
def kpi_source_label(source: str) -> str:
    return selectors.source_label(source)


@register.filter
def kpi_number(value: Any) -> str:
    """A whole number with the separators of the active language ("27.424" in
    Vietnamese), through :func:`pbgdpl.kpi.charts.number_vi`; "—" for no value."""
    if value is None or value == "":
        return "—"
    try:
        return number_vi(int(value))
    except (TypeError, ValueError):
        return str(value)
