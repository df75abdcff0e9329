"""The public API at /api/v1/, assembled from every app's router."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from pbgdpl.contests.api import router as contests_router
from pbgdpl.exchange.api import router as exchange_router
from pbgdpl.exchange.push_api import router as push_router
from pbgdpl.kpi.api import router as kpi_router
from pbgdpl.laws.api import router as laws_router
from pbgdpl.outreach.api import router as outreach_router
from pbgdpl.people.api import router as people_router
from pbgdpl.qa.api import router as qa_router
from pbgdpl.search.api import router as search_router
from pbgdpl.training.api import router as training_router
from pbgdpl.units.api import router as units_router

api = NinjaAPI(
    title="PBGDPL Số API",
    version="1",
    description=(
        "API mở của nền tảng phổ biến, giáo dục pháp luật số cấp tỉnh. "
        "Dữ liệu công khai đọc không cần đăng nhập; thao tác quản trị dùng phiên đăng nhập "
        "đã xác thực hai bước."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("", units_router)
api.add_router("", people_router)
api.add_router("", search_router)
api.add_router("", laws_router)
api.add_router("", exchange_router)
api.add_router("", push_router)
api.add_router("", qa_router)
api.add_router("", contests_router)
api.add_router("", training_router)
api.add_router("", outreach_router)
api.add_router("", kpi_router)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("Dữ liệu gửi lên không hợp lệ."), "errors": exc.errors}, status=422
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": _("Cần đăng nhập (cán bộ: đã xác thực hai bước) để dùng chức năng này.")},
        status=401,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
