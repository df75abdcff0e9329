"""Back-office API: roles in a unit and unit figures; every handler checks ``can``."""

from datetime import date

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from pbgdpl.units.models import Unit
from pbgdpl.units.services import UnitsError, unit_population_update

from .auth import session_auth
from .identifiers import looks_like_phone, normalize_email, normalize_phone
from .models import Role, RoleAssignment, User
from .permissions import can
from .selectors import role_assignments_in_unit
from .services import PeopleError, role_grant, role_revoke

router = Router(tags=["people"], auth=session_auth)


class RoleAssignmentOut(Schema):
    id: int
    user_id: int
    user_name: str
    role: str
    role_label: str
    unit: str
    valid_from: date
    valid_to: date | None


class RoleGrantIn(Schema):
    user: str = Field(description="Thư điện tử hoặc số điện thoại của người được cấp")
    role: Role
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = Field("", max_length=255)


class PopulationIn(Schema):
    population: int = Field(ge=0, le=100_000_000)
    male: int | None = Field(None, ge=0)
    female: int | None = Field(None, ge=0)
    year: int | None = Field(None, ge=1900, le=2100)


class UnitFiguresOut(Schema):
    code: str
    population: int | None
    population_male: int | None
    population_female: int | None
    population_year: int | None


def _out(a: RoleAssignment) -> RoleAssignmentOut:
    return RoleAssignmentOut(
        id=a.pk,
        user_id=a.user_id,
        user_name=str(a.user),
        role=a.role,
        role_label=str(a.get_role_display()),
        unit=a.unit.code,
        valid_from=a.valid_from,
        valid_to=a.valid_to,
    )


def _unit_or_404(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise HttpError(404, _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": code})
    return unit


def _forbidden() -> HttpError:
    return HttpError(403, _("Bạn không có quyền với đơn vị này."))


@router.get(
    "/units/{code}/roles", response=list[RoleAssignmentOut], summary="Người có vai trò trong đơn vị"
)
def unit_roles_list(request: HttpRequest, code: str) -> list[RoleAssignmentOut]:
    unit = _unit_or_404(code)
    if not can(request.auth, "people.view", unit):
        raise _forbidden()
    return [_out(a) for a in role_assignments_in_unit(unit=unit).order_by("role", "user_id")]


@router.post(
    "/units/{code}/roles", response={201: RoleAssignmentOut}, summary="Cấp vai trò trong đơn vị"
)
def unit_role_grant(request: HttpRequest, code: str, payload: RoleGrantIn) -> Status:
    unit = _unit_or_404(code)
    if not can(request.auth, "people.grant_role", unit):
        raise _forbidden()
    login = payload.user.strip()
    if looks_like_phone(login):
        user = User.objects.filter(phone=normalize_phone(login)).first()
    else:
        user = User.objects.filter(email=normalize_email(login)).first()
    if user is None:
        raise HttpError(404, _("Không tìm thấy người dùng “%(u)s”.") % {"u": login})
    try:
        assignment = role_grant(
            actor=request.auth,
            user=user,
            role=payload.role,
            unit=unit,
            valid_from=payload.valid_from,
            valid_to=payload.valid_to,
            note=payload.note,
        )
    except PeopleError as exc:
        raise HttpError(400, str(exc)) from exc
    return Status(201, _out(assignment))


@router.delete("/roles/{assignment_id}", response={204: None}, summary="Thu hồi vai trò")
def role_assignment_revoke(request: HttpRequest, assignment_id: int) -> Status:
    assignment = get_object_or_404(
        RoleAssignment.objects.select_related("unit", "user"), pk=assignment_id
    )
    if not can(request.auth, "people.grant_role", assignment.unit):
        raise _forbidden()
    role_revoke(actor=request.auth, assignment=assignment)
    return Status(204, None)


@router.put(
    "/units/{code}/population", response=UnitFiguresOut, summary="Cập nhật dân số của đơn vị"
)
def unit_population_put(request: HttpRequest, code: str, payload: PopulationIn) -> UnitFiguresOut:
    unit = _unit_or_404(code)
    if not can(request.auth, "units.change", unit):
        raise _forbidden()
    try:
        unit = unit_population_update(
            unit=unit,
            population=payload.population,
            male=payload.male,
            female=payload.female,
            year=payload.year,
            actor=request.auth,
        )
    except UnitsError as exc:
        raise HttpError(400, str(exc)) from exc
    return UnitFiguresOut(
        code=unit.code,
        population=unit.population,
        population_male=unit.population_male,
        population_female=unit.population_female,
        population_year=unit.population_year,
    )
