"""Public pages of the indicators app: the satisfaction surveys (``/khao-sat/<slug>/``,
a plain form that works without JavaScript) and the plan's indicators with their
formulas, data sources and targets (``/chi-tieu/dinh-nghia/``; ``/chi-tieu/`` is the
dashboard)."""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from pbgdpl.core.context import client_ip
from pbgdpl.core.ratelimit import rate_limit_hit

from . import selectors, services
from .forms import (
    CLIENT_COOKIE,
    CLIENT_COOKIE_AGE,
    SCORE_LABELS,
    commune_choice_groups,
    survey_context_read,
)
from .models import Survey
from .services import KpiInputError, KpiStateError, SurveyAnswer

SURVEY_RATE_DEFAULT = (20, 600)  # answers per address per 10 minutes
FIELD_ORDER = ("score", "comment", "unit")
FIELD_TARGETS = {"score": "ks-score-5", "comment": "ks-comment", "unit": "ks-unit"}


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store, max-age=0"
    return response


def _client_token(request: HttpRequest) -> str:
    token = request.COOKIES.get(CLIENT_COOKIE, "")
    return (
        token
        if 16 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum()
        else ""
    )


def _with_client_cookie(request: HttpRequest, response: HttpResponse, token: str) -> HttpResponse:
    if token and request.COOKIES.get(CLIENT_COOKIE) != token:
        response.set_cookie(
            CLIENT_COOKIE,
            token,
            max_age=CLIENT_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def _survey_or_404(slug: str) -> Survey:
    survey = selectors.survey_get_public(slug)
    if survey is None:
        raise Http404(_("Không có khảo sát này hoặc khảo sát đã đóng."))
    return survey


def _survey_page(
    request: HttpRequest,
    survey: Survey,
    *,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    notice: str = "",
    done: bool = False,
    status: int = 200,
) -> HttpResponse:
    errors = errors or {}
    summary = [
        {"message": errors[name], "target": FIELD_TARGETS.get(name, "")}
        for name in FIELD_ORDER
        if name in errors
    ]
    context = {
        "survey": survey,
        "scores": [(score, SCORE_LABELS[score]) for score in (5, 4, 3, 2, 1)],
        "unit_groups": commune_choice_groups() if survey.ask_unit else [],
        "values": values,
        "errors": summary,
        "field_errors": errors,
        "notice": notice,
        "done": done,
        "no_feedback": True,
        "comment_max": services.COMMENT_MAX,
    }
    return _private(render(request, "kpi/survey.html", context, status=status))


@never_cache
@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, slug: str) -> HttpResponse:
    """The survey form. POST stores the answer (``services.survey_response_add``) and
    redirects (303) to the thank-you page; bad input shows the form again as typed with a
    message per field (400); a second answer the same day: 409 with a friendly note; over
    ``KPI_SURVEY_RATE`` answers per address: 429."""
    survey = _survey_or_404(slug)
    token = _client_token(request) or services.survey_client_token_new()
    if request.method == "GET":
        values = {"ctx": request.GET.get("ctx", "")[:300], "score": "", "comment": "", "unit": ""}
        return _with_client_cookie(request, _survey_page(request, survey, values=values), token)
    values = {
        name: request.POST.get(name, "")[:4000] for name in ("score", "comment", "unit", "ctx")
    }
    limit, window = getattr(settings, "KPI_SURVEY_RATE", SURVEY_RATE_DEFAULT)
    rate = rate_limit_hit(request, scope="kpi.survey", limit=limit, window=window)
    if not rate.allowed:
        response = _survey_page(
            request,
            survey,
            values=values,
            status=429,
            notice=_("Bạn gửi quá nhiều lần. Vui lòng thử lại sau %(n)s giây.")
            % {"n": rate.retry_after},
        )
        response["Retry-After"] = str(rate.retry_after)
        return response
    # The browser's token when it keeps cookies; else its address, used only inside a
    # keyed hash (never stored).
    client = _client_token(request) or "ip:" + (client_ip(request) or "unknown")
    context_type, context_id = survey_context_read(values["ctx"])
    try:
        services.survey_response_add(
            survey=survey,
            answer=SurveyAnswer(
                score=values["score"], comment=values["comment"], unit=values["unit"]
            ),
            client=client,
            context_type=context_type,
            context_id=context_id,
            user=request.user,
        )
    except KpiInputError as exc:
        return _survey_page(request, survey, values=values, errors=exc.errors, status=400)
    except KpiStateError as exc:  # answered already today, or closed meanwhile
        return _survey_page(request, survey, values=values, notice=str(exc), done=True, status=409)
    response = HttpResponseRedirect(reverse("kpi:survey_thanks", args=[survey.slug]), status=303)
    return _with_client_cookie(request, response, token)


@require_safe
def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey = _survey_or_404(slug)
    return _private(
        render(request, "kpi/survey_thanks.html", {"survey": survey, "no_feedback": True})
    )


@require_safe
def indicators_page(request: HttpRequest) -> HttpResponse:
    """The plan's indicators: definition, formula in words, data elements and their
    sources, targets per phase and kind of unit."""
    context: dict[str, Any] = {
        "descriptions": selectors.indicators_described(),
        "source_label": selectors.source_label,
    }
    return render(request, "kpi/indicators.html", context)
