"""Computing the indicators per unit and period.

1. The data elements of the period: automatic ones from the apps (:mod:`.sources`, stored
   as DataValue rows so a later partial recompute reuses them), typed-in ones from the
   approved or locked entries of each commune.
2. Each commune's value: ``factor × numerator / denominator`` over its own figures.
3. Roll-up along the unit tree, for the whole subtree and for its urban and rural
   communes: a population-weighted indicator is the mean of the communes' rates weighted
   by population (communes with a value only; coverage says how many); any other is the
   formula over the subtree's summed figures.
4. Each value is stored with a SHA-256 of every input it was computed from; a row whose
   inputs did not change is not written again, so computing twice changes nothing and the
   same inputs always give the same outputs.

Incremental: a change marks (unit, period) or a whole period dirty
(:func:`dirty_mark`); :func:`dirty_recompute` recomputes the marked periods, reading the
apps again only for whole-period marks.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from django.db import transaction
from django.utils import timezone

from .formula import formula_evaluate, formula_refs
from .models import (
    DataElement,
    DataValue,
    DirtyMark,
    EntryApproval,
    EntryState,
    Indicator,
    IndicatorValue,
    Period,
    UnitScope,
)
from .periods import period_sub_codes, periods_enclosing
from .sources import COLLECTORS, Values
from .tree import UnitTree

logger = logging.getLogger(__name__)

COUNTED_STATES = (EntryState.APPROVED, EntryState.LOCKED)
VALUE_PLACES = Decimal("0.000001")
DATA_PLACES = Decimal("0.0001")
ZERO = Decimal(0)
VALUE_FIELDS = (
    "value",
    "numerator",
    "denominator",
    "units_with_data",
    "units_total",
    "population_with_data",
    "population_total",
    "inputs_hash",
    "computed_at",
)


def _q(value: Decimal | None, places: Decimal = VALUE_PLACES) -> Decimal | None:
    return None if value is None else value.quantize(places, rounding=ROUND_HALF_EVEN)


def tree_day(period: Period, *, today: date | None = None) -> date:
    """The day whose units the period is computed over: its last day, or today while the
    period is still running."""
    today = today or timezone.localdate()
    return min(period.end, today) if period.start <= today else period.end


# --------------------------------------------------------------------------- inputs


def _elements() -> dict[str, DataElement]:
    return {e.code: e for e in DataElement.objects.all()}


def auto_values_refresh(*, period: Period, tree: UnitTree) -> Values:
    """Read the apps for ``period`` and store their figures (replacing the previous
    ones). Values are rounded as stored, so a later partial recompute reads the same."""
    elements = {c: e for c, e in _elements().items() if not e.is_entry}
    collected: Values = {code: {} for code in elements}
    for source in sorted({e.source for e in elements.values()}):
        collector = COLLECTORS.get(source)
        if collector is None:
            logger.warning("kpi: no collector for data source %s", source)
            continue
        for code, data in collector(period=period, tree=tree).items():
            if code in elements:
                collected[code] = {uid: _q(Decimal(v), DATA_PLACES) for uid, v in data.items() if v}
    existing = {
        (row.element_id, row.unit_id): row
        for row in DataValue.objects.filter(period=period, element__in=elements.values())
    }
    wanted = {
        (elements[code].pk, uid): value
        for code, data in collected.items()
        for uid, value in data.items()
    }
    source_of = {e.pk: e.source for e in elements.values()}
    now = timezone.now()
    create, update = [], []
    for key, value in wanted.items():
        row = existing.get(key)
        if row is None:
            create.append(
                DataValue(
                    element_id=key[0],
                    unit_id=key[1],
                    period=period,
                    value=value,
                    source=source_of[key[0]],
                )
            )
        elif row.value != value:
            row.value = value
            row.updated_at = now
            update.append(row)
    gone = [row.pk for key, row in existing.items() if key not in wanted]
    DataValue.objects.bulk_create(create, batch_size=500)
    DataValue.objects.bulk_update(update, ["value", "updated_at"], batch_size=500)
    if gone:
        DataValue.objects.filter(pk__in=gone).delete()
    return collected


def auto_values_stored(*, period: Period) -> Values:
    """The automatic figures stored by the last full computation of ``period``."""
    out: Values = {}
    rows = DataValue.objects.filter(period=period).exclude(element__source="entry")
    for code, unit_id, value in rows.values_list("element__code", "unit_id", "value"):
        out.setdefault(code, {})[unit_id] = value
    return out


def entry_values(*, period: Period) -> Values:
    """The typed-in figures that count for ``period``: for each commune, those of its
    approved or locked entry for the period itself; without one, its approved quarters
    inside the period; without those, its approved months (summed, or the latest one for
    "last" elements)."""
    quarters, months = period_sub_codes(period)
    levels = [[period.code], quarters, months]
    codes = [code for level in levels for code in level]
    counted: dict[int, dict[str, date]] = {}
    for unit_id, code, start in EntryApproval.objects.filter(
        state__in=COUNTED_STATES, period__code__in=codes
    ).values_list("unit_id", "period__code", "period__start"):
        counted.setdefault(unit_id, {})[code] = start
    chosen: dict[int, set[str]] = {}
    for unit_id, found in counted.items():
        for level in levels:
            picked = {code for code in level if code in found}
            if picked:
                chosen[unit_id] = picked
                break
    if not chosen:
        return {}
    aggregation = {e.code: e.aggregation for e in DataElement.objects.filter(source="entry")}
    rows = DataValue.objects.filter(
        element__source="entry", unit_id__in=list(chosen), period__code__in=codes
    ).values_list("element__code", "unit_id", "period__code", "period__start", "value")
    picked_rows: dict[tuple[str, int], list[tuple[date, Decimal]]] = {}
    for code, unit_id, period_code, start, value in rows:
        if period_code in chosen[unit_id]:
            picked_rows.setdefault((code, unit_id), []).append((start, value))
    out: Values = {}
    for (code, unit_id), items in picked_rows.items():
        if aggregation.get(code) == "last":
            value = max(items)[1]
        else:
            value = sum((v for _s, v in items), ZERO)
        out.setdefault(code, {})[unit_id] = value
    return out


# --------------------------------------------------------------------------- evaluation


@dataclass
class Computed:
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    units_with_data: int
    units_total: int
    population_with_data: int
    population_total: int
    inputs_hash: str


def _canonical(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value else "0"
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def inputs_hash(indicator: Indicator, inputs: object) -> str:
    """SHA-256 over the indicator's definition and the inputs of one value."""
    payload = [
        indicator.code,
        indicator.numerator,
        indicator.denominator,
        _canonical(Decimal(indicator.factor)),
        indicator.population_weighted,
        indicator.applies_to,
        _canonical(inputs),
    ]
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def indicator_evaluate(
    indicator: Indicator, figures: dict[str, Decimal | None]
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, numerator, denominator) of ``indicator`` over ``figures``."""
    numerator = formula_evaluate(indicator.numerator, figures)
    denominator = (
        formula_evaluate(indicator.denominator, figures) if indicator.denominator else Decimal(1)
    )
    if numerator is None or denominator is None or denominator == 0:
        return None, _q(numerator), _q(denominator)
    value = Decimal(indicator.factor) * numerator / denominator
    return _q(value), _q(numerator), _q(denominator)


def _refs(indicator: Indicator) -> list[str]:
    refs = formula_refs(indicator.numerator)
    if indicator.denominator:
        refs += [r for r in formula_refs(indicator.denominator) if r not in refs]
    return sorted(refs)


def _side_for(indicator: Indicator, split: str) -> str | None:
    """The side of the communes a value for ``split`` is computed over; None when the
    indicator does not apply to that split (an urban indicator has no rural value)."""
    if indicator.applies_to == UnitScope.ALL:
        return split
    if split in ("", indicator.applies_to):
        return indicator.applies_to
    return None


def indicator_compute(
    indicator: Indicator,
    *,
    tree: UnitTree,
    values: Values,
    elements: dict[str, DataElement],
) -> dict[tuple[int, str], Computed]:
    """Every value of ``indicator`` over ``tree``: {(unit id, split): Computed}. A commune
    has one row (split ""); a unit above communes one per split that applies."""
    refs = _refs(indicator)
    out: dict[tuple[int, str], Computed] = {}

    def figure(code: str, uid: int) -> Decimal:
        return values.get(code, {}).get(uid, ZERO)

    leaf_results: dict[int, tuple[Decimal | None, Decimal | None, Decimal | None, int]] = {}
    for uid, unit in tree.units.items():
        if not unit.is_leaf:
            continue
        if indicator.applies_to != UnitScope.ALL and unit.side != indicator.applies_to:
            continue
        figures = {code: figure(code, uid) for code in refs}
        value, num, den = indicator_evaluate(indicator, figures)
        population = int(figure("population", uid))
        leaf_results[uid] = (value, num, den, population)
        out[(uid, "")] = Computed(
            value=value,
            numerator=num,
            denominator=den,
            units_with_data=int(value is not None),
            units_total=1,
            population_with_data=population if value is not None else 0,
            population_total=population,
            inputs_hash=inputs_hash(indicator, figures),
        )

    for uid, unit in tree.units.items():
        if unit.is_leaf:
            continue
        for split in ("", "urban", "rural"):
            side = _side_for(indicator, split)
            if side is None:
                continue
            leaves = [leaf for leaf in tree.leaves(uid, side) if leaf in leaf_results]
            covered = [leaf for leaf in leaves if leaf_results[leaf][0] is not None]
            population_total = sum(leaf_results[leaf][3] for leaf in leaves)
            population_covered = sum(leaf_results[leaf][3] for leaf in covered)
            if indicator.population_weighted:
                weighted = [leaf for leaf in covered if leaf_results[leaf][3] > 0]
                weight = sum(leaf_results[leaf][3] for leaf in weighted)
                inputs = [
                    [leaf, *leaf_results[leaf][:3], leaf_results[leaf][3]] for leaf in weighted
                ]
                if weight:
                    value = _q(
                        sum(leaf_results[leaf][0] * leaf_results[leaf][3] for leaf in weighted)
                        / Decimal(weight)
                    )
                    num = _q(sum((leaf_results[leaf][1] for leaf in weighted), ZERO))
                    den = _q(sum((leaf_results[leaf][2] for leaf in weighted), ZERO))
                else:
                    value = num = den = None
            else:
                totals = {}
                for code in refs:
                    element = elements.get(code)
                    if side:
                        ids = tree.leaves(uid, side)
                    elif element is not None and not element.additive:
                        ids = [uid]
                    else:
                        ids = tree.subtree(uid)
                    totals[code] = sum((figure(code, i) for i in ids), ZERO)
                value, num, den = indicator_evaluate(indicator, totals)
                inputs = [totals, len(covered), len(leaves)]
            out[(uid, split)] = Computed(
                value=value,
                numerator=num,
                denominator=den,
                units_with_data=len(covered),
                units_total=len(leaves),
                population_with_data=population_covered,
                population_total=population_total,
                inputs_hash=inputs_hash(indicator, [split, inputs]),
            )
    return out


# --------------------------------------------------------------------------- storing


@dataclass
class ComputeReport:
    period: str
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    refreshed_sources: bool = False


@transaction.atomic
def indicators_compute(
    *,
    period: Period,
    refresh_sources: bool = True,
    indicators: list[Indicator] | None = None,
    today: date | None = None,
) -> ComputeReport:
    """Compute every active indicator (or ``indicators``) for ``period`` over the units in
    force then, and store what changed. ``refresh_sources``: read the apps again (else the
    automatic figures stored by the previous full computation are used)."""
    report = ComputeReport(period=period.code, refreshed_sources=refresh_sources)
    started = timezone.now()
    tree = UnitTree.load(on=tree_day(period, today=today))
    if refresh_sources or not IndicatorValue.objects.filter(period=period).exists():
        values = auto_values_refresh(period=period, tree=tree)
        report.refreshed_sources = True
    else:
        values = auto_values_stored(period=period)
    values.update(entry_values(period=period))
    elements = _elements()
    indicators = indicators or list(Indicator.objects.filter(active=True))
    now = timezone.now()
    for indicator in indicators:
        computed = indicator_compute(indicator, tree=tree, values=values, elements=elements)
        existing = {
            (row.unit_id, row.split): row
            for row in IndicatorValue.objects.filter(indicator=indicator, period=period)
        }
        create, update = [], []
        for (uid, split), result in computed.items():
            row = existing.get((uid, split))
            if row is not None and row.inputs_hash == result.inputs_hash:
                report.unchanged += 1
                continue
            fields = {
                "value": result.value,
                "numerator": result.numerator,
                "denominator": result.denominator,
                "units_with_data": result.units_with_data,
                "units_total": result.units_total,
                "population_with_data": result.population_with_data,
                "population_total": result.population_total,
                "inputs_hash": result.inputs_hash,
                "computed_at": now,
            }
            if row is None:
                create.append(
                    IndicatorValue(
                        indicator=indicator, unit_id=uid, period=period, split=split, **fields
                    )
                )
            else:
                for name, value in fields.items():
                    setattr(row, name, value)
                update.append(row)
        IndicatorValue.objects.bulk_create(create, batch_size=500)
        IndicatorValue.objects.bulk_update(update, list(VALUE_FIELDS), batch_size=500)
        report.written += len(create) + len(update)
        gone = [row.pk for key, row in existing.items() if key not in computed]
        if gone:
            IndicatorValue.objects.filter(pk__in=gone).delete()
            report.removed += len(gone)
    # Marks made while computing (by another process) stay for the next run.
    DirtyMark.objects.filter(period=period, created_at__lte=started).delete()
    return report


# --------------------------------------------------------------------------- dirty marks


def dirty_mark(*, period: Period, unit_id: int | None = None) -> None:
    """Mark ``period`` and the longer periods containing it for recomputation: for one
    unit's typed-in figures (``unit_id``) or for everything (None)."""
    for each in periods_enclosing(period):
        if unit_id is None:
            DirtyMark.objects.get_or_create(period=each, unit=None)
        else:
            DirtyMark.objects.get_or_create(period=each, unit_id=unit_id)


def dirty_mark_day(day: date) -> None:
    """Mark the whole month, quarter and year of ``day`` (an automatic source changed)."""
    from .periods import period_codes_containing, period_get

    dirty_mark(period=period_get(period_codes_containing(day)[-1]))


def dirty_recompute(*, today: date | None = None) -> list[ComputeReport]:
    """Recompute every marked period: reading the apps again where the whole period is
    marked, else only re-evaluating with the new typed-in figures."""
    reports = []
    marks = DirtyMark.objects.select_related("period").order_by("period__start", "period__code")
    by_period: dict[int, tuple[Period, bool]] = {}
    for mark in marks:
        period, whole = by_period.get(mark.period_id, (mark.period, False))
        by_period[mark.period_id] = (period, whole or mark.unit_id is None)
    for period, whole in by_period.values():
        reports.append(indicators_compute(period=period, refresh_sources=whole, today=today))
    return reports
