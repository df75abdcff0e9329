"""Review reports of the indicators (báo cáo sơ kết, tổng kết) for a chosen unit and
period, as XLSX and as PDF.

Both are built from the same :class:`ReportData` (:func:`report_data`), itself assembled
from the dashboard (:mod:`.dashboard`): every indicator's value against its target with
its band, urban against rural, the trend over the periods, the units below the chosen one
(the furthest short of the target first), the state of the communes' survey figures, and
the method notes (definitions, formulas, roll-up, data sources, targets, bands).

- XLSX (:func:`report_xlsx`, with :mod:`pbgdpl.core.xlsx`): one sheet per table; numbers
  are stored as numbers with display formats a Vietnamese Excel shows as ``1.234`` and
  ``82,3%`` (rates are stored as fractions with the format ``0.0%``, gaps in percentage
  points as ``0.0``), dates as ``dd/mm/yyyy``; a "Phương pháp" sheet holds the notes.
- PDF (:func:`report_pdf`, ReportLab with Source Sans Pro, which has every Vietnamese
  letter): A4, title "Báo cáo sơ kết/tổng kết …", tables, the dashboard's charts drawn
  with ReportLab's own graphics from the same layout as the web SVG (:mod:`.charts`; no
  SVG converter), the method notes, Vietnamese number and date formats, "Trang x/y".

"Tổng kết" (final review) is the default for a year that ends a phase of the plan (2027,
2030); any other period gets a "sơ kết" (interim review); the caller may choose.
Nothing personal is read: aggregates per unit only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.core.pdf_fonts import pdf_fonts
from pbgdpl.units.models import Unit

from . import charts, selectors
from .dashboard import (
    ChildRow,
    EntryRow,
    IndicatorPanel,
    ReadingView,
    Summary,
    _period_code_label,
    entries_build,
    reading_view,
    summary_build,
    unit_kind_label,
)
from .models import Indicator, Period, Phase

KIND_INTERIM = "so-ket"
KIND_FINAL = "tong-ket"
KIND_LABELS = {
    KIND_INTERIM: gettext_lazy("Báo cáo sơ kết"),
    KIND_FINAL: gettext_lazy("Báo cáo tổng kết"),
}
CHILDREN_PDF_MAX = 10  # units listed per indicator in the PDF (the XLSX has them all)
PERCENT_FORMAT = "0.0%"
POINTS_FORMAT = "0.0"
DECIMAL_FORMAT = "#,##0.0"
INTEGER_FORMAT = "#,##0"
METHOD_GENERATED_ROW = 1  # in _method_rows: "Thời điểm lập"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReportInputError(ValueError):
    """A report that cannot be made as asked; the message (Vietnamese) says why."""


# --------------------------------------------------------------------------- data


@dataclass
class ReportData:
    unit: Unit
    period: Period
    kind: str
    generated_at: datetime
    summary: Summary
    children: dict[str, list[ChildRow]]  # indicator code → units below, furthest first
    entry_periods: list[str]
    entry_period_labels: list[str]
    entries: list[EntryRow]

    @property
    def title(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def subtitle(self) -> str:
        return _("Kết quả thực hiện các chỉ tiêu chuyển đổi số trong phổ biến, giáo dục pháp luật")

    @property
    def scope(self) -> str:
        return f"{self.summary.period_label} – {self.unit.name}"

    @property
    def panels(self) -> list[IndicatorPanel]:
        return self.summary.panels

    @property
    def filename_stem(self) -> str:
        return f"bao-cao-{self.kind}-chi-tieu-{self.unit.code}-{self.period.code}"


def report_kind_default(period: Period) -> str:
    """ "tong-ket" for a year ending a phase of the plan, else "so-ket"."""
    if period.type == "year" and Phase.objects.filter(end=period.end).exists():
        return KIND_FINAL
    return KIND_INTERIM


def report_kind_choose(value: str | None, period: Period) -> str:
    value = (value or "").strip()
    if not value:
        return report_kind_default(period)
    if value not in KIND_LABELS:
        raise ReportInputError(
            _("Loại báo cáo “%(value)s” không hợp lệ: chọn sơ kết hoặc tổng kết.")
            % {"value": value[:20]}
        )
    return value


def report_data(*, unit: Unit, period: Period, kind: str = "") -> ReportData:
    """Everything a report of ``unit`` for ``period`` shows (see the module docstring)."""
    summary = summary_build(period=period, unit=unit)
    children: dict[str, list[ChildRow]] = {}
    if unit.children.exists():
        for panel in summary.rate_panels:
            readings = selectors.indicator_children(
                indicator=panel.indicator, unit=unit, period=period
            )
            children[panel.indicator.code] = [
                ChildRow(rank=rank, view=reading_view(r), kind_label=unit_kind_label(r.unit))
                for rank, r in enumerate(readings, start=1)
            ]
    codes, entries = entries_build(unit=unit, period=period)
    return ReportData(
        unit=unit,
        period=period,
        kind=report_kind_choose(kind, period),
        generated_at=timezone.localtime(),
        summary=summary,
        children=children,
        entry_periods=codes,
        entry_period_labels=[_period_code_label(c) for c in codes],
        entries=entries,
    )


# --------------------------------------------------------------------------- cell values


def _rate(value: Decimal | None) -> float | None:
    """A percentage (82.3) as the fraction a "0.0%" cell holds (0.823)."""
    return None if value is None else round(float(value) / 100, 6)


def _cell_value(indicator: Indicator, value: Decimal | None) -> tuple[Any, str]:
    """(cell value, number format) of a value of ``indicator``."""
    if value is None:
        return None, ""
    if indicator.is_rate:
        return _rate(value), PERCENT_FORMAT
    number = float(value)
    if number.is_integer():
        return int(number), INTEGER_FORMAT
    return number, DECIMAL_FORMAT


def _gap_value(view: ReadingView) -> tuple[Any, str]:
    gap = view.reading.gap
    if gap is None:
        return None, ""
    if view.indicator.is_rate:
        return float(gap), POINTS_FORMAT
    return float(gap), DECIMAL_FORMAT


def _number(value: Decimal | None) -> tuple[Any, str]:
    if value is None:
        return None, ""
    number = float(value)
    if number.is_integer():
        return int(number), INTEGER_FORMAT
    return number, DECIMAL_FORMAT


def _band(view: ReadingView) -> str:
    return view.band_label or "—"


def _coverage_share(view: ReadingView) -> tuple[Any, str]:
    reading = view.reading
    if not reading.population_total:
        return None, ""
    return reading.population_with_data / reading.population_total, PERCENT_FORMAT


# --------------------------------------------------------------------------- XLSX


class _Table:
    """Rows of (value, number format) cells turned into a sheet with
    :func:`pbgdpl.core.xlsx.sheet_add`, then each cell given its format."""

    def __init__(self, headers: list[str]) -> None:
        self.headers = headers
        self.rows: list[list[tuple[Any, str]]] = []

    def add(self, *cells: Any) -> None:
        self.rows.append([c if isinstance(c, tuple) else (c, "") for c in cells])

    def write(self, workbook: Any, title: str, *, wrap: tuple[int, ...] = ()) -> Any:
        from pbgdpl.core.xlsx import sheet_add

        sheet = sheet_add(
            workbook, title, self.headers, [[v for v, _f in row] for row in self.rows], wrap=wrap
        )
        for number, row in enumerate(self.rows, start=2):
            for column, (_value, fmt) in enumerate(row, start=1):
                if fmt:
                    sheet.cell(row=number, column=column).number_format = fmt
        return sheet


def _method_rows(data: ReportData) -> list[tuple[str, str]]:
    """The method notes as (heading, text) pairs, general notes first."""
    generated = data.generated_at.strftime("%d/%m/%Y %H:%M")
    rows = [
        (_("Báo cáo"), f"{data.title}: {data.subtitle}, {data.scope}."),
        (_("Thời điểm lập"), generated),
        (
            _("Số liệu"),
            _(
                "Giá trị được tính từ dữ liệu của cổng (tài khoản, hỏi đáp, cuộc thi, bồi "
                "dưỡng, khảo sát hài lòng) và số liệu khảo sát người dân do xã, phường nhập, "
                "chỉ tính số liệu đã được duyệt hoặc đã khoá. Cùng số liệu đầu vào luôn cho "
                "cùng kết quả."
            ),
        ),
        (
            _("Tổng hợp lên tỉnh"),
            _(
                "Chỉ tiêu tỷ lệ người dân: bình quân tỷ lệ của các xã, phường có số liệu, gia "
                "quyền theo dân số; chỉ tiêu khác: cộng số liệu của các đơn vị rồi tính theo "
                "công thức. “Có số liệu” cho biết bao nhiêu xã, phường (và bao nhiêu phần dân "
                "số) có số liệu trong kỳ."
            ),
        ),
        (
            _("Thành thị, nông thôn"),
            _(
                "Phường (và đặc khu được xếp là đô thị) là thành thị; xã là nông thôn. Giá trị "
                "thành thị, nông thôn của tỉnh tính trên các đơn vị của từng khu vực."
            ),
        ),
        (
            _("Đánh giá"),
            _(
                "“Đạt”: bằng hoặc vượt mục tiêu của giai đoạn; “Gần đạt”: còn thiếu không quá "
                "10 điểm phần trăm (chỉ tiêu tỷ lệ) hoặc 10% mục tiêu (chỉ tiêu số lượng); "
                "“Chưa đạt”: thiếu nhiều hơn; “Chưa có số liệu”: kỳ chưa có giá trị."
            ),
        ),
        (
            _("Cách ghi số"),
            _(
                "Dấu phẩy ngăn phần thập phân, dấu chấm ngăn hàng nghìn (1.234,5); ngày ghi "
                "dd/mm/yyyy. Trong bảng tính, tỷ lệ lưu dạng phần trăm, số còn thiếu so với mục "
                "tiêu (số âm: vượt mục tiêu) tính bằng điểm phần trăm."
            ),
        ),
    ]
    for panel in data.panels:
        indicator = panel.indicator
        targets = "; ".join(_target_note(indicator, t) for t in panel.description.targets) or _(
            "Chỉ tiêu theo dõi, không đặt mục tiêu."
        )
        sources = indicator.data_sources
        elements = "; ".join(
            f"{e.name} ({selectors.source_label(e.source)})" for e in panel.description.elements
        )
        rows.append(
            (
                indicator.name,
                "\n".join(
                    [
                        _("Định nghĩa: %(text)s") % {"text": indicator.definition},
                        _("Công thức: %(text)s (%(unit)s)")
                        % {"text": panel.formula_text, "unit": indicator.unit_of_measure},
                        _("Nguồn số liệu: %(text)s") % {"text": sources},
                        _("Phần tử dữ liệu: %(text)s") % {"text": elements},
                        _("Mục tiêu: %(text)s") % {"text": targets},
                    ]
                ),
            )
        )
    return rows


def _target_note(indicator: Indicator, target: Any) -> str:
    scope = target.unit.name if target.unit else target.get_unit_scope_display()
    sign = "≥" if indicator.direction == "higher" else "≤"
    value = charts.value_vi(float(target.value), unit=indicator.unit_of_measure, decimals=0)
    return f"{target.phase.name} ({scope}): {sign} {value}"


def _chart_sheet_add(workbook: Any, data: ReportData) -> None:
    """A "Biểu đồ" sheet: the rate indicators' values against their targets, as a table
    and as a native Excel bar chart over it (it stays editable in Excel)."""
    from openpyxl.chart import BarChart, Reference

    rates = [p for p in data.panels if p.indicator.is_rate]
    if not rates:
        return
    table = _Table([_("Chỉ tiêu"), _("Giá trị"), _("Mục tiêu")])
    for panel in rates:
        reading = panel.headline.reading
        table.add(
            panel.indicator.short_name or panel.indicator.name,
            (_rate(reading.value), PERCENT_FORMAT),
            (_rate(reading.target), PERCENT_FORMAT),
        )
    sheet = table.write(workbook, _("Biểu đồ"))
    chart = BarChart()
    chart.type = "bar"
    chart.title = _("Các chỉ tiêu so với mục tiêu – %(scope)s") % {"scope": data.scope}
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.add_data(
        Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=len(rates) + 1),
        titles_from_data=True,
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(rates) + 1))
    chart.height, chart.width = 9, 18
    sheet.add_chart(chart, "E2")


def report_xlsx(data: ReportData) -> bytes:
    """The report as an XLSX workbook (see the module docstring)."""
    from pbgdpl.core.xlsx import workbook_bytes, workbook_new

    workbook = workbook_new()

    summary = _Table(
        [
            _("Mã chỉ tiêu"),
            _("Chỉ tiêu"),
            _("Giá trị"),
            _("Đơn vị tính"),
            _("Mục tiêu"),
            _("Đánh giá"),
            _("Còn thiếu so với mục tiêu (âm: vượt)"),
            _("Tử số"),
            _("Mẫu số"),
            _("Xã, phường có số liệu"),
            _("Tổng số xã, phường"),
            _("Tỷ lệ dân số có số liệu"),
            _("Thành thị"),
            _("Nông thôn"),
        ]
    )
    for panel in data.panels:
        view, indicator = panel.headline, panel.indicator
        reading = view.reading
        summary.add(
            indicator.code,
            indicator.name,
            _cell_value(indicator, reading.value),
            indicator.unit_of_measure,
            _cell_value(indicator, reading.target),
            _band(view),
            _gap_value(view),
            _number(reading.numerator),
            _number(reading.denominator),
            (reading.units_with_data, INTEGER_FORMAT),
            (reading.units_total, INTEGER_FORMAT),
            _coverage_share(view),
            _cell_value(indicator, panel.urban.reading.value) if panel.urban else None,
            _cell_value(indicator, panel.rural.reading.value) if panel.rural else None,
        )
    summary.write(workbook, _("Tổng hợp"), wrap=(2,))

    _chart_sheet_add(workbook, data)

    split = _Table(
        [
            _("Chỉ tiêu"),
            _("Khu vực"),
            _("Giá trị"),
            _("Mục tiêu"),
            _("Đánh giá"),
            _("Còn thiếu so với mục tiêu (âm: vượt)"),
            _("Xã, phường có số liệu"),
            _("Tổng số xã, phường"),
        ]
    )
    for panel in data.panels:
        for label, side in ((_("Thành thị"), panel.urban), (_("Nông thôn"), panel.rural)):
            if side is None:
                continue
            split.add(
                panel.indicator.short_name or panel.indicator.name,
                label,
                _cell_value(panel.indicator, side.reading.value),
                _cell_value(panel.indicator, side.reading.target),
                _band(side),
                _gap_value(side),
                (side.reading.units_with_data, INTEGER_FORMAT),
                (side.reading.units_total, INTEGER_FORMAT),
            )
    split.write(workbook, _("Thành thị – nông thôn"))

    trend = _Table([_("Chỉ tiêu"), _("Kỳ"), _("Giá trị"), _("Mục tiêu"), _("Đánh giá")])
    for panel in data.panels:
        for label, view in panel.trend.pairs:
            trend.add(
                panel.indicator.short_name or panel.indicator.name,
                label,
                _cell_value(panel.indicator, view.reading.value),
                _cell_value(panel.indicator, view.reading.target),
                _band(view),
            )
    trend.write(workbook, _("Diễn biến theo kỳ"))

    if data.children:
        units = _Table(
            [
                _("Chỉ tiêu"),
                _("Thứ tự"),
                _("Mã đơn vị"),
                _("Đơn vị"),
                _("Khu vực"),
                _("Giá trị"),
                _("Mục tiêu"),
                _("Đánh giá"),
                _("Còn thiếu so với mục tiêu (âm: vượt)"),
                _("Tử số"),
                _("Mẫu số"),
            ]
        )
        by_code = {p.indicator.code: p.indicator for p in data.panels}
        for code, rows in data.children.items():
            indicator = by_code[code]
            for row in rows:
                reading = row.view.reading
                units.add(
                    indicator.short_name or indicator.name,
                    (row.rank, INTEGER_FORMAT),
                    reading.unit.code,
                    reading.unit.name,
                    row.kind_label,
                    _cell_value(indicator, reading.value),
                    _cell_value(indicator, reading.target),
                    _band(row.view),
                    _gap_value(row.view),
                    _number(reading.numerator),
                    _number(reading.denominator),
                )
        units.write(workbook, _("Theo xã, phường"))

    entries = _Table(
        [
            _("Mã đơn vị"),
            _("Xã, phường"),
            _("Khu vực"),
            *[_("Trạng thái %(period)s") % {"period": label} for label in data.entry_period_labels],
            _("Số người được khảo sát"),
            _("Số người đã tiếp cận"),
            _("Số người hài lòng"),
        ]
    )
    for row in data.entries:
        entries.add(
            row.unit.code,
            row.unit.name,
            unit_kind_label(row.unit),
            *[label for _state, label in row.states],
            (row.sample, INTEGER_FORMAT) if row.sample is not None else None,
            (row.reached, INTEGER_FORMAT) if row.reached is not None else None,
            (row.satisfied, INTEGER_FORMAT) if row.satisfied is not None else None,
        )
    entries.write(workbook, _("Số liệu khảo sát"))

    method = _Table([_("Mục"), _("Nội dung")])
    for index, (heading, text) in enumerate(_method_rows(data)):
        # The time the report was made as a real date cell (shown dd/mm/yyyy hh:mm:ss).
        method.add(heading, data.generated_at if index == METHOD_GENERATED_ROW else text)
    sheet = method.write(workbook, _("Phương pháp"), wrap=(1, 2))
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 100
    return workbook_bytes(workbook)


# --------------------------------------------------------------------------- PDF


def _numbered_canvas(footer: str, font: str) -> Any:
    """A canvas class writing "Trang x/y" and ``footer`` on every page (two passes)."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, _height = self._pagesize
                self.setFont(font, 8.5)
                self.setFillColor(HexColor(charts.MUTED))
                self.drawString(18 * mm, 10 * mm, footer)
                self.drawRightString(
                    width - 18 * mm,
                    10 * mm,
                    _("Trang %(page)s/%(total)s") % {"page": self._pageNumber, "total": total},
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def _scaled(drawing: Any, width: float) -> Any:
    """``drawing`` scaled to ``width`` points wide (never enlarged past 1.5×)."""
    factor = min(width / drawing.width, 1.5)
    drawing.scale(factor, factor)
    drawing.width *= factor
    drawing.height *= factor
    return drawing


def report_pdf(data: ReportData) -> bytes:
    """The report as a PDF (see the module docstring)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        CondPageBreak,
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.flowables import HRFlowable

    regular, bold = pdf_fonts()
    ink = colors.HexColor(charts.INK)
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13.5, textColor=ink)
    small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5)
    cell_bold = ParagraphStyle("cellb", parent=cell, fontName=bold)
    title = ParagraphStyle(
        "title", parent=base, fontName=bold, fontSize=17, leading=22, alignment=TA_CENTER
    )
    subtitle = ParagraphStyle(
        "subtitle", parent=base, fontName=bold, fontSize=12, leading=16, alignment=TA_CENTER
    )
    centre = ParagraphStyle("centre", parent=base, alignment=TA_CENTER)
    right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT, fontName=regular)
    h1 = ParagraphStyle(
        "h1", parent=base, fontName=bold, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=5
    )
    h2 = ParagraphStyle(
        "h2", parent=base, fontName=bold, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3
    )

    def p(text: Any, style: Any = base) -> Any:
        from xml.sax.saxutils import escape

        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    def table(rows: list[list[Any]], widths: list[float], *, numbers: tuple[int, ...] = ()) -> Any:
        body = [
            [
                p(value, cell_bold if index == 0 else cell) if not hasattr(value, "wrap") else value
                for value in row
            ]
            for index, row in enumerate(rows)
        ]
        result = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b9b4aa")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for column in numbers:
            style.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
        result.setStyle(TableStyle(style))
        return result

    def num_cell(text: str) -> Any:
        return Paragraph(text, ParagraphStyle("n", parent=cell, alignment=TA_RIGHT))

    width = A4[0] - 36 * mm
    province = data.summary.ancestors[0].name if data.summary.ancestors else data.unit.name
    now = data.generated_at
    computed = data.summary.computed_at
    computed_text = timezone.localtime(computed).strftime("%H:%M %d/%m/%Y") if computed else "—"
    story: list[Any] = [
        p(_("SỞ TƯ PHÁP – %(place)s") % {"place": province.upper()}, small),
        Spacer(1, 3 * mm),
        p(
            _("%(place)s, ngày %(d)02d tháng %(m)02d năm %(y)s")
            % {
                "place": province.removeprefix("Tỉnh ").removeprefix("Thành phố "),
                "d": now.day,
                "m": now.month,
                "y": now.year,
            },
            right,
        ),
        Spacer(1, 6 * mm),
        p(data.title.upper(), title),
        p(data.subtitle, subtitle),
        p(data.scope, centre),
        Spacer(1, 2 * mm),
        p(
            _("Số liệu tính đến %(at)s; báo cáo lập lúc %(now)s.")
            % {
                "at": computed_text,
                "now": now.strftime("%H:%M %d/%m/%Y"),
            },
            ParagraphStyle("c2", parent=small, alignment=TA_CENTER),
        ),
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=0.6, color=colors.HexColor("#9e1b20")),
    ]

    # I. Overall results.
    story.append(p(_("I. KẾT QUẢ CHUNG"), h1))
    rows: list[list[Any]] = [
        [_("Chỉ tiêu"), _("Giá trị"), _("Mục tiêu"), _("Đánh giá"), _("Có số liệu")]
    ]
    for panel in data.panels:
        v = panel.headline
        rows.append(
            [
                panel.indicator.name,
                num_cell(v.value_text),
                num_cell(v.target_text),
                v.band_label or "—",
                v.coverage_text.removeprefix(_("Có số liệu: ")) or "—",
            ]
        )
    story.append(table(rows, [width * f for f in (0.42, 0.12, 0.1, 0.13, 0.23)], numbers=(1, 2)))
    if data.summary.overview_chart:
        story += [
            Spacer(1, 4 * mm),
            KeepTogether(
                [
                    p(data.summary.overview_chart.title, h2),
                    _scaled(
                        data.summary.overview_chart.drawing(font=regular, bold_font=bold),
                        width * 0.7,
                    ),
                ]
            ),
        ]

    # II. Urban and rural.
    if data.summary.split_chart:
        story.append(CondPageBreak(60 * mm))
        story.append(p(_("II. THÀNH THỊ VÀ NÔNG THÔN"), h1))
        rows = [[_("Chỉ tiêu"), _("Thành thị"), _("Nông thôn")]]
        for panel in data.panels:
            if panel.urban is None and panel.rural is None:
                continue
            rows.append(
                [
                    panel.indicator.short_name or panel.indicator.name,
                    _side_text(panel.urban),
                    _side_text(panel.rural),
                ]
            )
        story.append(table(rows, [width * f for f in (0.4, 0.3, 0.3)]))
        story += [
            Spacer(1, 3 * mm),
            _scaled(data.summary.split_chart.drawing(font=regular, bold_font=bold), width * 0.7),
        ]

    # III. Trend.
    trended = [panel for panel in data.panels if panel.trend.has_values]
    if trended:
        story.append(CondPageBreak(70 * mm))
        story.append(p(_("III. DIỄN BIẾN THEO KỲ"), h1))
        cells = []
        for panel in trended:
            drawing = _scaled(panel.trend.chart.drawing(font=regular, bold_font=bold), width / 2.1)
            cells.append([p(panel.indicator.short_name or panel.indicator.name, h2), drawing])
        grid_rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        for pair in grid_rows:
            if len(pair) == 1:
                pair.append("")
            story.append(
                Table(
                    [pair],
                    colWidths=[width / 2, width / 2],
                    hAlign="LEFT",
                    style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
                )
            )
        rows = [[_("Chỉ tiêu"), *trended[0].trend.labels]]
        for panel in trended:
            rows.append(
                [panel.indicator.short_name or panel.indicator.name]
                + [num_cell(v.value_text) for v in panel.trend.rows]
            )
        count = len(trended[0].trend.labels)
        story.append(Spacer(1, 2 * mm))
        story.append(
            table(
                rows,
                [width * 0.3] + [width * 0.7 / max(count, 1)] * count,
                numbers=tuple(range(1, count + 1)),
            )
        )

    # IV. Units furthest from the target.
    if data.children:
        story.append(CondPageBreak(70 * mm))
        story.append(p(_("IV. CÁC ĐƠN VỊ XA MỤC TIÊU NHẤT"), h1))
        story.append(
            p(
                _(
                    "Mỗi chỉ tiêu: %(n)s đơn vị trực thuộc còn xa mục tiêu nhất (danh sách đủ ở "
                    "bảng tính Excel kèm theo)."
                )
                % {"n": CHILDREN_PDF_MAX},
                small,
            )
        )
        by_code = {p_.indicator.code: p_ for p_ in data.panels}
        for code, children in data.children.items():
            shown = [c for c in children if c.view.has_value][:CHILDREN_PDF_MAX]
            if not shown:
                continue
            panel = by_code[code]
            rows = [
                [
                    _("TT"),
                    _("Đơn vị"),
                    _("Khu vực"),
                    _("Giá trị"),
                    _("Mục tiêu"),
                    _("Đánh giá"),
                    _("So với mục tiêu"),
                ]
            ]
            for child in shown:
                rows.append(
                    [
                        num_cell(str(child.rank)),
                        child.view.unit.name,
                        child.kind_label,
                        num_cell(child.view.value_text),
                        num_cell(child.view.target_text),
                        child.view.band_label or "—",
                        child.view.gap_text or "—",
                    ]
                )
            story.append(
                KeepTogether(
                    [
                        p(panel.indicator.name, h2),
                        table(
                            rows,
                            [width * f for f in (0.06, 0.24, 0.12, 0.11, 0.1, 0.12, 0.25)],
                            numbers=(0, 3, 4),
                        ),
                    ]
                )
            )

    # V. Survey figures: entry and approval.
    if data.entries:
        story.append(CondPageBreak(50 * mm))
        story.append(p(_("V. TÌNH HÌNH NHẬP, DUYỆT SỐ LIỆU KHẢO SÁT"), h1))
        counted = sum(1 for row in data.entries if row.counted)
        story.append(
            p(
                _(
                    "%(counted)s/%(total)s xã, phường có số liệu khảo sát được tính (đã duyệt "
                    "hoặc đã khoá) trong kỳ."
                )
                % {
                    "counted": charts.number_vi(counted),
                    "total": charts.number_vi(len(data.entries)),
                }
            )
        )
        from .dashboard import ENTRY_STATE_LABELS

        rows = [[_("Trạng thái"), *data.entry_period_labels]]
        for state, label in ENTRY_STATE_LABELS.items():
            rows.append(
                [str(label)]
                + [
                    num_cell(
                        charts.number_vi(
                            sum(1 for row in data.entries if row.states[i][0] == state)
                        )
                    )
                    for i in range(len(data.entry_periods))
                ]
            )
        count = len(data.entry_periods)
        story.append(
            table(
                rows,
                [width * 0.3] + [width * 0.7 / max(count, 1)] * count,
                numbers=tuple(range(1, count + 1)),
            )
        )

    # VI. Method.
    story.append(CondPageBreak(60 * mm))
    story.append(p(_("VI. PHƯƠNG PHÁP TÍNH VÀ NGUỒN SỐ LIỆU"), h1))
    for heading, text in _method_rows(data)[2:]:
        story.append(KeepTogether([p(heading, h2), p(text, small)]))

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"{data.title} – {data.scope}",
        author="PBGDPL Số",
        subject=data.subtitle,
    )
    footer = f"PBGDPL Số – {data.title} – {data.scope}"
    doc.build(story, canvasmaker=_numbered_canvas(footer, regular))
    return buffer.getvalue()


def _side_text(view: ReadingView | None) -> str:
    if view is None:
        return "—"
    if not view.has_value:
        return view.band_label
    text = view.value_text
    if view.band_label:
        text += f" – {view.band_label}"
    if view.reading.target is not None:
        text += f" ({_('mục tiêu')} {view.target_text})"
    return text
