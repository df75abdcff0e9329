"""Writes over administrative units: loading the official list, population figures."""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import vietnam_provinces as vp
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold

from .models import Unit, UnitKind
from .selectors import province_name_key

# The two-level local government took effect on this day (Nghị quyết 202/2025/QH15).
REORGANISATION_DATE = date(2025, 7, 1)

_KIND_FROM_PACKAGE = {
    vp.VietNamDivisionType.TINH: UnitKind.PROVINCE,
    vp.VietNamDivisionType.THANH_PHO_TRUNG_UONG: UnitKind.CITY,
    vp.VietNamDivisionType.XA: UnitKind.COMMUNE,
    vp.VietNamDivisionType.PHUONG: UnitKind.WARD,
    vp.VietNamDivisionType.DAC_KHU: UnitKind.SPECIAL_ZONE,
}


_PROVINCE_PREFIX = {
    vp.VietNamDivisionType.TINH: "Tỉnh",
    vp.VietNamDivisionType.THANH_PHO_TRUNG_UONG: "Thành phố",
}


class UnitsError(Exception):
    """A unit operation that cannot go ahead; the message is for people (Vietnamese)."""


def unit_is_urban(*, kind: str, special_zone_urban: bool | None = None) -> bool:
    """The plan's urban/rural split: phường → urban, xã → rural, đặc khu as configured."""
    if kind == UnitKind.WARD:
        return True
    if kind == UnitKind.SPECIAL_ZONE:
        return (
            settings.UNITS_SPECIAL_ZONE_URBAN if special_zone_urban is None else special_zone_urban
        )
    return kind == UnitKind.CITY


def package_province(*, name_or_code: str) -> vp.Province:
    """The province in the ``vietnam-provinces`` package matching a name or code."""
    raw = name_or_code.strip()
    wanted = province_name_key(raw)
    for province in vp.Province.iter_all():
        if raw.isdigit() and int(raw) == int(province.code):
            return province
        if fold(province.name) == wanted or province.codename == wanted.replace(" ", "_"):
            return province
    raise UnitsError(_("Không tìm thấy tỉnh/thành phố “%(name)s” trong danh mục.") % {"name": raw})


def package_wards(*, province: vp.Province) -> list[vp.Ward]:
    """All communes, wards and special zones of ``province`` in the package."""
    return list(vp.Ward.iter_by_province(province.code))


@dataclass
class LoadResult:
    province: Unit
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def _upsert(*, code: str, values: dict[str, Any], result: LoadResult | None) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        unit = Unit.objects.create(code=code, **values)
        if result is not None:
            result.created += 1
        return unit
    changed = {k: v for k, v in values.items() if getattr(unit, k) != v}
    if changed:
        for key, value in changed.items():
            setattr(unit, key, value)
        unit.save()
        if result is not None:
            result.updated += 1
    elif result is not None:
        result.unchanged += 1
    return unit


@transaction.atomic
def units_load_province(
    *, name_or_code: str, special_zone_urban: bool | None = None, actor: Any = None
) -> LoadResult:
    """Load (or refresh) a province and all its communes from ``vietnam-provinces``.

    Idempotent: a second run reports everything unchanged. Population figures
    already stored are kept (the package has none).
    """
    province = package_province(name_or_code=name_or_code)
    source = f"vietnam-provinces {vp.__data_version__}"
    province_code = str(int(province.code))
    top = _upsert(
        code=province_code,
        values={
            "name": f"{_PROVINCE_PREFIX[province.division_type]} {province.name}",
            "codename": province.codename,
            "kind": _KIND_FROM_PACKAGE[province.division_type],
            "parent": None,
            "path": f"{province_code}/",
            "depth": 0,
            "is_urban": province.division_type == vp.VietNamDivisionType.THANH_PHO_TRUNG_UONG,
            "valid_from": REORGANISATION_DATE,
            "valid_to": None,
            "source": source,
        },
        result=None,
    )
    result = LoadResult(province=top)
    for ward in package_wards(province=province):
        kind = _KIND_FROM_PACKAGE[ward.division_type]
        code = str(int(ward.code))
        _upsert(
            code=code,
            values={
                "name": ward.name,
                "codename": ward.codename,
                "kind": kind,
                "parent": top,
                "path": f"{top.path}{code}/",
                "depth": 1,
                "is_urban": unit_is_urban(kind=kind, special_zone_urban=special_zone_urban),
                "valid_from": REORGANISATION_DATE,
                "valid_to": None,
                "source": source,
            },
            result=result,
        )
        result.kinds[kind] = result.kinds.get(kind, 0) + 1
    audit_record(
        action="units.load",
        obj=top,
        actor=actor,
        data={
            "source": source,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        },
    )
    return result


# --- population import ------------------------------------------------------------

_HEADER_ALIASES = {
    "code": {"code", "ma", "ma don vi", "ma dvhc", "ma xa", "unit code"},
    "name": {"name", "ten", "ten don vi", "don vi"},
    "population": {"population", "dan so", "tong dan so", "tong so dan"},
    "male": {"male", "dan so nam", "so nam"},
    "female": {"female", "dan so nu", "so nu"},
    "year": {"year", "nam so lieu", "nam thong ke"},
}


@dataclass(frozen=True)
class PopulationRow:
    line: int
    code: str
    population: int
    male: int | None
    female: int | None
    year: int | None
    name: str | None


class PopulationImportError(UnitsError):
    """The file was rejected; ``errors`` lists (line number, message) pairs."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.errors = errors
        super().__init__(
            "\n".join(_("Dòng %(line)d: %(msg)s") % {"line": ln, "msg": m} for ln, m in errors)
        )


def population_figures_problem(
    *, population: int, male: int | None, female: int | None, year: int | None
) -> str | None:
    """What is wrong with a set of population figures (a Vietnamese message), or None."""
    if any(v is not None and v < 0 for v in (population, male, female)):
        return _("dân số không được âm.")
    if male is not None and female is not None and male + female != population:
        return _("dân số nam + nữ (%(s)d) khác tổng dân số (%(t)d).") % {
            "s": male + female,
            "t": population,
        }
    if year is not None and not 1900 <= year <= 2100:
        return _("năm số liệu %(y)d không hợp lệ.") % {"y": year}
    return None


def _population_store(
    *, unit: Unit, population: int, male: int | None, female: int | None, year: int | None
) -> None:
    unit.population = population
    unit.population_male = male
    unit.population_female = female
    unit.population_year = year
    unit.save(
        update_fields=[
            "population",
            "population_male",
            "population_female",
            "population_year",
            "updated_at",
        ]
    )


def _read_table(*, path: Path) -> Iterator[tuple[int, list[Any]]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PopulationImportError([(1, _("Tệp CSV phải được mã hoá UTF-8."))]) from exc
        sample = text[:4096]
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            yield number, row
    elif suffix in {".xlsx", ".xlsm"}:
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise PopulationImportError(
                [(1, _("Không đọc được tệp Excel: %(err)s") % {"err": exc})]
            ) from exc
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
        workbook.close()
    else:
        raise PopulationImportError(
            [
                (
                    0,
                    _("Chỉ nhận tệp .csv hoặc .xlsx (nhận được “%(s)s”).")
                    % {"s": suffix or path.name},
                )
            ]
        )


def _as_int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError
        return int(value)
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    # Vietnamese spreadsheets write thousands as 12.345 or 12,345.
    text = text.replace(".", "").replace(",", "")
    if not text.lstrip("-").isdigit():
        raise ValueError
    return int(text)


def population_rows_parse(*, rows: Iterable[tuple[int, list[Any]]]) -> list[PopulationRow]:
    """Validate a table (header + rows) of population figures.

    Raises PopulationImportError listing every bad line; returns rows only when all are good.
    """
    errors: list[tuple[int, str]] = []
    iterator = iter(rows)
    header_line, header = next(iterator, (1, []))
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = fold(str(cell or "")).replace("_", " ").strip()
        for name, aliases in _HEADER_ALIASES.items():
            if key in aliases:
                columns[name] = index
    missing = [name for name in ("code", "population") if name not in columns]
    if missing:
        raise PopulationImportError(
            [
                (
                    header_line,
                    _("Thiếu cột bắt buộc: %(cols)s (tiêu đề cần có “mã” và “dân số”).")
                    % {"cols": ", ".join(missing)},
                )
            ]
        )
    parsed: list[PopulationRow] = []
    seen: dict[str, int] = {}
    for line, row in iterator:
        if all(cell in (None, "") or str(cell).strip() == "" for cell in row):
            continue

        def cell(name: str, row: list[Any] = row) -> Any:
            index = columns.get(name)
            if index is None or index >= len(row):
                return None
            value = row[index]
            return None if value is None or str(value).strip() == "" else value

        code_raw = cell("code")
        if code_raw is None:
            errors.append((line, _("thiếu mã đơn vị.")))
            continue
        code = str(_as_int(code_raw)) if str(code_raw).strip().isdigit() else str(code_raw).strip()
        if code in seen:
            errors.append(
                (
                    line,
                    _("mã %(code)s lặp lại (đã có ở dòng %(first)d).")
                    % {"code": code, "first": seen[code]},
                )
            )
            continue
        seen[code] = line
        values: dict[str, int | None] = {}
        bad = False
        for name in ("population", "male", "female", "year"):
            raw = cell(name)
            if raw is None:
                values[name] = None
                continue
            try:
                values[name] = _as_int(raw)
            except ValueError:
                errors.append(
                    (
                        line,
                        _("giá trị “%(v)s” ở cột %(col)s không phải số nguyên.")
                        % {"v": raw, "col": name},
                    )
                )
                bad = True
        if bad:
            continue
        if values["population"] is None:
            errors.append((line, _("thiếu dân số.")))
            continue
        problem = population_figures_problem(
            population=values["population"],
            male=values["male"],
            female=values["female"],
            year=values["year"],
        )
        if problem is not None:
            errors.append((line, problem))
            continue
        name_value = cell("name")
        parsed.append(
            PopulationRow(
                line=line,
                code=code,
                population=values["population"],
                male=values["male"],
                female=values["female"],
                year=values["year"],
                name=str(name_value).strip() if name_value is not None else None,
            )
        )
    units = Unit.objects.in_bulk([row.code for row in parsed], field_name="code")
    for row in parsed:
        unit = units.get(row.code)
        if unit is None:
            errors.append(
                (row.line, _("không có đơn vị hành chính mã %(code)s.") % {"code": row.code})
            )
        elif (
            row.name and fold(row.name) != fold(unit.name) and fold(row.name) not in fold(unit.name)
        ):
            errors.append(
                (
                    row.line,
                    _("tên “%(given)s” không khớp đơn vị mã %(code)s (“%(name)s”).")
                    % {"given": row.name, "code": row.code, "name": unit.name},
                )
            )
    if not parsed and not errors:
        errors.append((header_line, _("tệp không có dòng số liệu nào.")))
    if errors:
        raise PopulationImportError(sorted(errors))
    return parsed


@transaction.atomic
def units_population_import(*, path: Path, actor: Any = None) -> int:
    """Store the population figures of a CSV/XLSX file: all lines or none.

    Returns the number of units updated. Raises PopulationImportError (with line
    numbers) and stores nothing when any line is bad.
    """
    rows = population_rows_parse(rows=_read_table(path=path))
    units = Unit.objects.select_for_update().in_bulk([row.code for row in rows], field_name="code")
    for row in rows:
        _population_store(
            unit=units[row.code],
            population=row.population,
            male=row.male,
            female=row.female,
            year=row.year,
        )
    audit_record(
        action="units.population_import",
        actor=actor,
        data={"file": path.name, "units": len(rows)},
    )
    return len(rows)


@transaction.atomic
def unit_population_update(
    *,
    unit: Unit,
    population: int,
    male: int | None = None,
    female: int | None = None,
    year: int | None = None,
    actor: Any = None,
) -> Unit:
    """Set one unit's population figures (the caller has checked the actor may change it)."""
    problem = population_figures_problem(population=population, male=male, female=female, year=year)
    if problem is not None:
        raise UnitsError(problem[0].upper() + problem[1:])
    before = {"population": unit.population, "year": unit.population_year}
    _population_store(unit=unit, population=population, male=male, female=female, year=year)
    audit_record(
        action="units.population_update",
        obj=unit,
        actor=actor,
        data={"before": before, "after": {"population": population, "year": year}},
    )
    return unit
