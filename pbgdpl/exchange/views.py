"""Views of the exchange app (thin: the work is in the modules they call)."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .oai import CONTENT_TYPE as OAI_CONTENT_TYPE
from .oai import oai_response

# --------------------------------------------------------------------------- OAI-PMH


@csrf_exempt  # harvesters POST form-encoded requests without a session or CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def oai(request: HttpRequest) -> HttpResponse:
    """The OAI-PMH 2.0 endpoint (``/oai``): arguments in the query string (GET) or in a
    form-encoded body (POST)."""
    arguments = request.POST if request.method == "POST" else request.GET
    return HttpResponse(
        oai_response(arguments=dict(arguments.lists())), content_type=OAI_CONTENT_TYPE
    )
