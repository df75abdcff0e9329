"""The safe formula language and the reporting periods."""

from datetime import date
from decimal import Decimal

import pytest

from pbgdpl.kpi.formula import (
    FormulaError,
    formula_check,
    formula_describe,
    formula_evaluate,
    formula_refs,
)
from pbgdpl.kpi.periods import PeriodError, period_bounds, period_codes_containing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", Decimal(7)),
        ("(1 + 2) * 3", Decimal(9)),
        ("-#{a} + 10", Decimal(7)),
        ("#{a} / #{b}", Decimal("0.75")),
        ("max(#{a} / #{b} * 100, 80)", Decimal(80)),
        ("min(#{a}, #{b}, 2)", Decimal(2)),
        ("#{missing} + 1", Decimal(1)),  # no value counts as 0
        ("#{a} / #{missing}", None),  # division by zero: no value
        ("max(#{a} / 0, 5)", None),  # and it propagates
        ("10 - 2 - 3", Decimal(5)),  # left-associative
        ("8 / 2 / 2", Decimal(2)),
    ],
)
def test_evaluate(text, expected):
    assert formula_evaluate(text, {"a": Decimal(3), "b": Decimal(4)}) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "trống"),
        ("1 +", "kết thúc đột ngột"),
        ("(1 + 2", "thiếu “)”"),
        ("1 2", "thừa"),
        ("__import__('os')", "ký tự không hợp lệ"),
        ("exp(1)", "không được hỗ trợ"),
        ("#{a} ** 2", "không đúng chỗ"),
        ("#{A}", "ký tự không hợp lệ"),
        ("(" * 60 + "1" + ")" * 60, "lồng quá sâu"),
        ("1" + " + 1" * 200, "dài quá"),
    ],
)
def test_bad_formulas(text, message):
    with pytest.raises(FormulaError) as exc:
        formula_evaluate(text, {})
    assert message in str(exc.value)


def test_refs_check_and_describe():
    text = "max(#{reached} / #{sample} * #{population}, #{identified})"
    assert formula_refs(text) == ["reached", "sample", "population", "identified"]
    formula_check(text, known={"reached", "sample", "population", "identified"})
    with pytest.raises(FormulaError) as exc:
        formula_check(text, known={"reached"})
    assert "sample, population, identified" in str(exc.value)
    names = {"reached": "Đã tiếp cận, có khảo sát", "sample": "Cỡ mẫu"}
    described = formula_describe(text, name_of=lambda c: names.get(c, c))
    assert described.startswith("số lớn hơn trong ([Đã tiếp cận, có khảo sát] / [Cỡ mẫu] ×")
    assert described.endswith("; [identified])")


@pytest.mark.parametrize(
    ("code", "canonical", "kind", "start", "end"),
    [
        ("2026", "2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026Q3", "2026Q3", "quarter", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026q1", "2026Q1", "quarter", date(2026, 1, 1), date(2026, 3, 31)),
        ("2024-02", "2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        (" 2026-5 ", "2026-05", "month", date(2026, 5, 1), date(2026, 5, 31)),
    ],
)
def test_period_codes(code, canonical, kind, start, end):
    assert period_bounds(code) == (canonical, kind, start, end)


@pytest.mark.parametrize("code", ["", "26", "2026Q5", "2026-13", "2026-00", "1999", "năm 2026"])
def test_bad_period_codes(code):
    with pytest.raises(PeriodError) as exc:
        period_bounds(code)
    assert "kỳ" in str(exc.value)


def test_periods_containing_a_day():
    assert period_codes_containing(date(2026, 8, 15)) == ["2026", "2026Q3", "2026-08"]
