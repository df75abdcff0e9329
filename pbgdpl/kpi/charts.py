"""Charts of the KPI dashboard and review reports, drawn on the server.

Each chart is first laid out as a small scene (rectangles, lines and texts in a fixed
coordinate space, see :class:`Chart`), then rendered either as inline SVG for the web
(:meth:`Chart.svg`) or as a ReportLab drawing for the PDF reports (:meth:`Chart.drawing`).
The same layout serves both, so what a reviewer prints is what the dashboard shows, and no
SVG-to-PDF converter (svglib) is needed.

Accessibility (WCAG 2.1 AA):

- the SVG is ``role="img"`` labelled by its ``<title>`` and ``<desc>``; the description
  sums the chart up in words (how many units reached the target, …) and the templates put
  the full data table next to every chart;
- colour is never the only signal: a band has its colour, a fill pattern (solid for
  "reached", diagonal stripes for "close", cross-hatching for "below") and its words next
  to the value ("Đạt", "Gần đạt", "Chưa đạt");
- the colours have at least 4.5:1 contrast on white (text and bars alike), and the
  stylesheet overrides them in the portal's high-contrast mode (classes ``kpi-band-…``);
- no script, no external resource; output is deterministic (same input, same bytes) so
  tests compare structure.

Numbers are written the Vietnamese way through Django's own l10n separators (``1.234,5``,
``82,3 %``): :func:`number_vi`, :func:`percent_vi`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.numberformat import format as django_number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# --------------------------------------------------------------------------- bands

BAND_GREEN = "green"  # the target is reached
BAND_AMBER = "amber"  # below the target by less than the margin (10 points)
BAND_RED = "red"  # further below the target
BAND_NONE = ""  # no value (no data) or no target

BAND_LABELS = {
    BAND_GREEN: gettext_lazy("Đạt"),
    BAND_AMBER: gettext_lazy("Gần đạt"),
    BAND_RED: gettext_lazy("Chưa đạt"),
    BAND_NONE: gettext_lazy("Chưa có số liệu"),
}
# Fill, and the colour of text written in that band; each ≥ 4.5:1 on white.
BAND_COLOURS = {
    BAND_GREEN: "#1a6e37",
    BAND_AMBER: "#8f5200",
    BAND_RED: "#b0181b",
    BAND_NONE: "#5f6670",
}
INK = "#1b1f24"
DEFAULT_TEXT_SIZE = 13
MUTED = "#4a5260"
GRID = "#c9c4bb"
TARGET_INK = "#14365d"

# --------------------------------------------------------------------------- numbers


def number_vi(value: float | int | None, decimals: int = 0) -> str:
    """``value`` with the Vietnamese separators of Django's l10n, grouped by thousands:
    1234.5 → "1.234,5" (``decimals`` after the comma); None → "—"."""
    if value is None:
        return "—"
    if isinstance(value, float) and not math.isfinite(value):
        return "—"
    rounded = round(float(value), decimals) if decimals else round(value)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    return django_number_format(
        rounded,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def percent_vi(value: float | int | None, decimals: int = 1) -> str:
    """A value already in percent (82.34) as "82,3 %" (no-break space); None → "—"."""
    if value is None:
        return "—"
    return f"{number_vi(value, decimals)}\u00a0%"


def value_vi(value: float | int | None, *, unit: str = "%", decimals: int = 1) -> str:
    """A value in its unit of measure: percent as :func:`percent_vi`, a count as a grouped
    whole number ("12.345"), anything else with ``decimals`` and the unit after it."""
    if unit == "%":
        return percent_vi(value, decimals)
    if value is None:
        return "—"
    text = number_vi(value, 0 if float(value).is_integer() else decimals)
    return f"{text}\u00a0{unit}" if unit else text


# --------------------------------------------------------------------------- scene


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    band: str | None = None  # a band: its colour and pattern; None: ``fill``
    fill: str = "none"
    stroke: str = ""
    css: str = ""


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = INK
    width: float = 1
    dash: str = ""  # "4 3": dashed
    css: str = ""


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float = 13
    anchor: str = "start"  # start | middle | end
    bold: bool = False
    fill: str = INK
    css: str = ""
    halo: bool = False  # a white outline, readable over a line or a bar


Shape = Rect | Line | Text


@dataclass
class Chart:
    """A laid-out chart: ``shapes`` in a ``width`` × ``height`` space (y downwards), with
    the title and description that make its text alternative."""

    kind: str
    width: float
    height: float
    title: str
    desc: str
    shapes: list[Shape] = field(default_factory=list)
    id_prefix: str = "kpi-chart"

    def bands_used(self) -> list[str]:
        seen = {s.band for s in self.shapes if isinstance(s, Rect) and s.band is not None}
        return [b for b in (BAND_GREEN, BAND_AMBER, BAND_RED, BAND_NONE) if b in seen]

    def svg(self) -> SafeString:
        """Inline SVG (no script, no external reference), safe to insert in a template."""
        # svg_render escapes every text it writes; the rest are numbers and fixed names.
        return mark_safe(svg_render(self))  # noqa: S308

    def drawing(self, *, font: str = "Helvetica", bold_font: str = "Helvetica-Bold") -> Any:
        """A ReportLab ``Drawing`` of the chart (for the PDF reports)."""
        return drawing_render(self, font=font, bold_font=bold_font)


# --------------------------------------------------------------------------- SVG


def _num(value: float) -> str:
    """A coordinate as short, stable text: 12.0 → "12", 12.345 → "12.35"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pattern_defs(chart: Chart) -> str:
    parts = []
    for band in chart.bands_used():
        colour = BAND_COLOURS[band]
        pid = f"{chart.id_prefix}-p-{band or 'none'}"
        if band == BAND_AMBER:  # diagonal stripes
            parts.append(
                f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="6" height="6" '
                f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{colour}"/>'
                f'<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>'
            )
        elif band == BAND_RED:  # cross-hatching
            parts.append(
                f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="7" height="7">'
                f'<rect width="7" height="7" fill="{colour}"/>'
                f'<path d="M0 0L7 7M7 0L0 7" stroke="#fff" stroke-width="1.2"/></pattern>'
            )
    return f"<defs>{''.join(parts)}</defs>" if parts else ""


def _band_fill(chart: Chart, band: str) -> str:
    if band in (BAND_AMBER, BAND_RED):
        return f"url(#{chart.id_prefix}-p-{band})"
    return BAND_COLOURS[band]


def _css(*names: str) -> str:
    joined = " ".join(n for n in names if n)
    return f' class="{joined}"' if joined else ""


def svg_render(chart: Chart) -> str:
    """The SVG text of ``chart`` (see :meth:`Chart.svg`)."""
    pid = chart.id_prefix
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(chart.width)} '
        f'{_num(chart.height)}" width="{_num(chart.width)}" height="{_num(chart.height)}" '
        f'role="img" aria-labelledby="{pid}-t {pid}-d" focusable="false" '
        f'class="kpi-chart kpi-chart-{chart.kind}" font-family="system-ui, sans-serif" '
        f'font-size="{_num(DEFAULT_TEXT_SIZE)}" fill="{INK}">',
        f'<title id="{pid}-t">{escape(chart.title)}</title>',
        f'<desc id="{pid}-d">{escape(chart.desc)}</desc>',
        _pattern_defs(chart),
    ]
    for shape in chart.shapes:
        if isinstance(shape, Rect):
            if shape.band is not None:
                fill = _band_fill(chart, shape.band)
                css = _css("kpi-band", f"kpi-band-{shape.band or 'none'}", shape.css)
            else:
                fill, css = shape.fill, _css(shape.css)
            stroke = f' stroke="{shape.stroke}"' if shape.stroke else ""
            out.append(
                f'<rect x="{_num(shape.x)}" y="{_num(shape.y)}" width="{_num(shape.width)}" '
                f'height="{_num(shape.height)}" fill="{fill}"{stroke}{css}/>'
            )
        elif isinstance(shape, Line):
            dash = f' stroke-dasharray="{shape.dash}"' if shape.dash else ""
            out.append(
                f'<line x1="{_num(shape.x1)}" y1="{_num(shape.y1)}" x2="{_num(shape.x2)}" '
                f'y2="{_num(shape.y2)}" stroke="{shape.stroke}" '
                f'stroke-width="{_num(shape.width)}"{dash}{_css(shape.css)}/>'
            )
        else:
            # Defaults (size, colour, anchor) are set once on <svg> to keep pages light.
            anchor = f' text-anchor="{shape.anchor}"' if shape.anchor != "start" else ""
            weight = ' font-weight="700"' if shape.bold else ""
            size = f' font-size="{_num(shape.size)}"' if shape.size != DEFAULT_TEXT_SIZE else ""
            fill = f' fill="{shape.fill}"' if shape.fill != INK else ""
            halo = ' stroke="#fff" stroke-width="3" paint-order="stroke"' if shape.halo else ""
            css = _css("kpi-halo" if shape.halo else "", shape.css)
            out.append(
                f'<text x="{_num(shape.x)}" y="{_num(shape.y)}"{size}{fill}{anchor}{weight}'
                f"{halo}{css}>{escape(shape.text)}</text>"
            )
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- ReportLab


def _hatch_segments(
    x: float, y: float, w: float, h: float, *, step: float, rising: bool
) -> list[tuple[float, float, float, float]]:
    """45° lines ``step`` apart clipped to the rectangle (x, y, w, h), y upwards."""
    segments = []
    offset = -h
    while offset < w:
        t0, t1 = max(0.0, -offset), min(h, w - offset)
        if t1 > t0:
            if rising:
                segments.append((x + offset + t0, y + t0, x + offset + t1, y + t1))
            else:
                segments.append((x + offset + t0, y + h - t0, x + offset + t1, y + h - t1))
        offset += step
    return segments


def drawing_render(chart: Chart, *, font: str, bold_font: str) -> Any:
    """The ReportLab drawing of ``chart`` (see :meth:`Chart.drawing`): the same shapes,
    y flipped; a band's pattern drawn as white hatching lines inside its bar."""
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.graphics.shapes import Line as RLine
    from reportlab.graphics.shapes import Rect as RLRect
    from reportlab.lib.colors import HexColor, white
    from reportlab.pdfbase.pdfmetrics import stringWidth

    height = chart.height
    drawing = Drawing(chart.width, height)
    for shape in chart.shapes:
        if isinstance(shape, Rect):
            y = height - shape.y - shape.height
            if shape.band is not None:
                colour = HexColor(BAND_COLOURS[shape.band])
            elif shape.fill != "none":
                colour = HexColor(shape.fill)
            else:
                colour = None
            drawing.add(
                RLRect(
                    shape.x,
                    y,
                    shape.width,
                    shape.height,
                    fillColor=colour,
                    strokeColor=HexColor(shape.stroke) if shape.stroke else None,
                    strokeWidth=0.8 if shape.stroke else 0,
                )
            )
            if shape.band in (BAND_AMBER, BAND_RED):
                hatches = _hatch_segments(
                    shape.x, y, shape.width, shape.height, step=5, rising=True
                )
                if shape.band == BAND_RED:
                    hatches += _hatch_segments(
                        shape.x, y, shape.width, shape.height, step=5, rising=False
                    )
                for x1, y1, x2, y2 in hatches:
                    drawing.add(RLine(x1, y1, x2, y2, strokeColor=white, strokeWidth=1))
        elif isinstance(shape, Line):
            line = RLine(
                shape.x1,
                height - shape.y1,
                shape.x2,
                height - shape.y2,
                strokeColor=HexColor(shape.stroke),
                strokeWidth=shape.width,
            )
            if shape.dash:
                line.strokeDashArray = [float(p) for p in shape.dash.split()]
            drawing.add(line)
        else:
            if shape.halo:
                font_name = bold_font if shape.bold else font
                text_width = stringWidth(shape.text, font_name, shape.size)
                start = {"start": shape.x, "middle": shape.x - text_width / 2}.get(
                    shape.anchor, shape.x - text_width
                )
                drawing.add(
                    RLRect(
                        start - 1,
                        height - shape.y - shape.size * 0.25,
                        text_width + 2,
                        shape.size * 1.05,
                        fillColor=white,
                        strokeColor=None,
                        strokeWidth=0,
                    )
                )
            drawing.add(
                String(
                    shape.x,
                    height - shape.y,
                    shape.text,
                    fontName=bold_font if shape.bold else font,
                    fontSize=shape.size,
                    fillColor=HexColor(shape.fill),
                    textAnchor=shape.anchor,
                )
            )
    return drawing


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Bar:
    """One bar of a progress chart: a unit's (or a split's) value against its target."""

    label: str
    value: float | None
    target: float | None = None
    band: str = BAND_NONE


@dataclass(frozen=True)
class BarGroup:
    """Bars under one heading (e.g. an indicator, with its urban and rural bars)."""

    heading: str
    bars: Sequence[Bar]


@dataclass(frozen=True)
class Point:
    """One period of a trend: its short label ("T5", "Q3/2026", "2026")."""

    label: str
    value: float | None
    target: float | None = None
    band: str = BAND_NONE


def band_summary(bands: Iterable[str]) -> str:
    """ "3 đạt, 2 gần đạt, 1 chưa đạt, 4 chưa có số liệu" (the bands present only)."""
    bands = list(bands)
    parts = []
    for band, text in (
        (BAND_GREEN, _("%(n)s đạt")),
        (BAND_AMBER, _("%(n)s gần đạt")),
        (BAND_RED, _("%(n)s chưa đạt")),
        (BAND_NONE, _("%(n)s chưa có số liệu")),
    ):
        count = bands.count(band)
        if count:
            parts.append(text % {"n": number_vi(count)})
    return ", ".join(parts)


def _scale_max(values: Iterable[float | None], *, unit: str) -> float:
    """The top of the value axis: 100 for percentages (more when a value exceeds it), else
    four whole steps of 1, 2 or 5 × 10ⁿ reaching the largest value (0–4 at least)."""
    largest = max((v for v in values if v is not None), default=0.0)
    if unit == "%":
        return max(100.0, math.ceil(largest / 10) * 10)
    wanted = max(largest / 4, 1.0)
    magnitude = 10 ** math.floor(math.log10(wanted))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= wanted)
    return float(4 * step)


def _ticks(top: float, *, count: int = 4) -> list[float]:
    return [top * i / count for i in range(count + 1)]


def _value_label(bar: Bar | Point, unit: str) -> str:
    if bar.value is None:
        return str(BAND_LABELS[BAND_NONE])
    text = value_vi(bar.value, unit=unit)
    if bar.band:
        return f"{text} · {BAND_LABELS[bar.band]}"
    return text


# --------------------------------------------------------------------------- progress bars

PROGRESS_WIDTH = 340
PROGRESS_ROW = 40
PROGRESS_BAR = 14
PROGRESS_HEADING = 26
PROGRESS_AXIS = 30


def progress_chart(
    groups: Sequence[BarGroup] | Sequence[Bar],
    *,
    title: str,
    desc: str = "",
    unit: str = "%",
    id_prefix: str = "kpi-progress",
) -> Chart:
    """Horizontal bars against their targets: each bar has its label and its value with
    the band in words on the line above it, the bar (band colour and pattern) below, and a
    dashed vertical mark at its own target (an urban and a rural bar may have different
    targets). ``groups`` are :class:`BarGroup` (a heading above their bars) or plain
    :class:`Bar`. ``desc`` defaults to a count of bars by band."""
    if groups and isinstance(groups[0], Bar):
        groups = [BarGroup(heading="", bars=list(groups))]
    groups = list(groups)
    bars = [bar for group in groups for bar in group.bars]
    top = _scale_max([b.value for b in bars] + [b.target for b in bars], unit=unit)
    width = PROGRESS_WIDTH
    left, right = 4.0, width - 4.0
    span = right - left
    shapes: list[Shape] = []
    y = 6.0
    for group in groups:
        if group.heading:
            y += PROGRESS_HEADING
            shapes.append(Text(left, y - 8, group.heading, size=14, bold=True))
        for bar in group.bars:
            baseline = y + 14
            shapes.append(Text(left, baseline, bar.label, size=13))
            shapes.append(
                Text(
                    right,
                    baseline,
                    _value_label(bar, unit),
                    size=13,
                    anchor="end",
                    bold=True,
                    fill=BAND_COLOURS[bar.band] if bar.value is not None else MUTED,
                )
            )
            bar_y = y + 19
            shapes.append(Rect(left, bar_y, span, PROGRESS_BAR, fill="#f1eee8", css="kpi-track"))
            if bar.value is not None and bar.value > 0:
                length = span * min(bar.value, top) / top
                shapes.append(Rect(left, bar_y, max(length, 1.5), PROGRESS_BAR, band=bar.band))
            if bar.target is not None:
                tx = left + span * min(bar.target, top) / top
                # A white halo under the dashed mark keeps it visible on a dark bar.
                halo = Line(tx, bar_y - 3, tx, bar_y + PROGRESS_BAR + 3, stroke="#ffffff", width=4)
                shapes.append(halo)
                shapes.append(
                    Line(
                        tx,
                        bar_y - 3,
                        tx,
                        bar_y + PROGRESS_BAR + 3,
                        stroke=TARGET_INK,
                        width=2,
                        dash="3 2",
                        css="kpi-target",
                    )
                )
            y += PROGRESS_ROW
    # Axis with ticks under the bars.
    axis_y = y + 4
    shapes.append(Line(left, axis_y, right, axis_y, stroke=GRID, css="kpi-axis"))
    for tick in _ticks(top):
        tx = left + span * tick / top
        shapes.append(Line(tx, axis_y, tx, axis_y + 4, stroke=GRID, css="kpi-axis"))
        anchor = "start" if tick == 0 else ("end" if tick == top else "middle")
        label = value_vi(tick, unit=unit, decimals=0)
        shapes.append(Text(tx, axis_y + 17, label, size=11, anchor=anchor, fill=MUTED))
    if any(b.target is not None for b in bars):
        legend_y = axis_y + 17 + 8
        shapes.append(
            Line(
                left + 2,
                legend_y,
                left + 2,
                legend_y + 14,
                stroke=TARGET_INK,
                width=2,
                dash="3 2",
                css="kpi-target",
            )
        )
        shapes.append(Text(left + 10, legend_y + 12, _("Chỉ tiêu"), size=11, fill=MUTED))
        height = legend_y + 20
    else:
        height = axis_y + 24
    if not desc:
        desc = _("%(count)s mục: %(summary)s. Số liệu chi tiết ở bảng kèm theo.") % {
            "count": number_vi(len(bars)),
            "summary": band_summary(b.band if b.value is not None else BAND_NONE for b in bars)
            or _("không có số liệu"),
        }
    return Chart("progress", width, height, title, desc, shapes, id_prefix)


def urban_rural_chart(
    rows: Sequence[tuple[str, Bar | None, Bar | None]],
    *,
    title: str,
    desc: str = "",
    unit: str = "%",
    id_prefix: str = "kpi-urban-rural",
) -> Chart:
    """Paired bars, urban then rural, under a heading per row (an indicator, or a
    period): ``rows`` are (heading, urban bar, rural bar); a missing side is left out.
    The bars are labelled "Thành thị"/"Nông thôn" (not colour-coded) and carry their own
    targets."""
    groups = []
    parts = []
    for heading, urban, rural in rows:
        bars = []
        for side, bar in ((_("Thành thị"), urban), (_("Nông thôn"), rural)):
            if bar is None:
                continue
            bars.append(Bar(label=side, value=bar.value, target=bar.target, band=bar.band))
            parts.append(
                f"{heading} – {side}: {value_vi(bar.value, unit=unit)}"
                + (
                    f" ({_('chỉ tiêu')} {value_vi(bar.target, unit=unit, decimals=0)})"
                    if bar.target is not None
                    else ""
                )
            )
        if bars:
            groups.append(BarGroup(heading=heading, bars=bars))
    if not desc:
        desc = "; ".join(parts) + "." if parts else _("Không có số liệu.")
    chart = progress_chart(groups, title=title, desc=desc, unit=unit, id_prefix=id_prefix)
    chart.kind = "urban-rural"
    return chart


# --------------------------------------------------------------------------- trend

TREND_WIDTH = 360
TREND_PLOT_TOP = 24
TREND_PLOT_HEIGHT = 150


def trend_chart(
    points: Sequence[Point],
    *,
    title: str,
    desc: str = "",
    unit: str = "%",
    id_prefix: str = "kpi-trend",
) -> Chart:
    """Columns over periods with the target as a dashed step line (it may change with the
    phase); each column in its band's colour and pattern with its value above it, a period
    without data marked "—"."""
    points = list(points)
    top = _scale_max([p.value for p in points] + [p.target for p in points], unit=unit)
    width = TREND_WIDTH
    left, right = 40.0, width - 6.0
    plot_bottom = float(TREND_PLOT_TOP + TREND_PLOT_HEIGHT)
    shapes: list[Shape] = []
    for tick in _ticks(top):
        ty = plot_bottom - TREND_PLOT_HEIGHT * tick / top
        shapes.append(Line(left, ty, right, ty, stroke=GRID, css="kpi-axis"))
        shapes.append(
            Text(
                left - 4,
                ty + 4,
                number_vi(tick),
                size=10,
                anchor="end",
                fill=MUTED,
            )
        )
    count = max(len(points), 1)
    slot = (right - left) / count
    column = min(slot * 0.6, 40.0)
    small = slot < 45  # many periods (months): smaller labels, whole numbers
    columns: list[Shape] = []
    targets: list[Shape] = []
    labels: list[Shape] = []
    for index, point in enumerate(points):
        cx = left + slot * (index + 0.5)
        if point.value is not None:
            height = TREND_PLOT_HEIGHT * min(max(point.value, 0), top) / top
            columns.append(
                Rect(cx - column / 2, plot_bottom - height, column, max(height, 1), band=point.band)
            )
            label = value_vi(point.value, unit=unit, decimals=0 if small else 1)
            if small:
                label = label.replace("\u00a0%", "")
            labels.append(
                Text(
                    cx,
                    plot_bottom - height - 4,
                    label,
                    size=9 if small else 11,
                    anchor="middle",
                    bold=True,
                    fill=BAND_COLOURS[point.band],
                    halo=True,
                )
            )
        else:
            labels.append(Text(cx, plot_bottom - 4, "—", size=11, anchor="middle", fill=MUTED))
        if point.target is not None:
            ty = plot_bottom - TREND_PLOT_HEIGHT * min(point.target, top) / top
            targets.append(
                Line(
                    cx - slot / 2,
                    ty,
                    cx + slot / 2,
                    ty,
                    stroke=TARGET_INK,
                    width=2,
                    dash="5 3",
                    css="kpi-target",
                )
            )
        labels.append(
            Text(cx, plot_bottom + 15, point.label, size=9 if small else 11, anchor="middle")
        )
    # Columns, then the target over them, then the labels over both.
    shapes += columns + targets + labels
    shapes.append(Line(left, plot_bottom, right, plot_bottom, stroke=MUTED, css="kpi-axis"))
    legend_y = plot_bottom + 26
    height = legend_y + 6
    if any(p.target is not None for p in points):
        shapes.append(
            Line(
                left,
                legend_y + 6,
                left + 18,
                legend_y + 6,
                stroke=TARGET_INK,
                width=2,
                dash="5 3",
                css="kpi-target",
            )
        )
        shapes.append(Text(left + 24, legend_y + 10, _("Chỉ tiêu"), size=11, fill=MUTED))
        height = legend_y + 16
    if unit:
        shapes.append(Text(4, 12, unit, size=10, fill=MUTED))
    if not desc:
        known = [p for p in points if p.value is not None]
        if known:
            first, last = known[0], known[-1]
            desc = _(
                "%(count)s kỳ; %(first_label)s: %(first)s, %(last_label)s: %(last)s; %(summary)s."
            ) % {
                "count": number_vi(len(points)),
                "first_label": first.label,
                "first": value_vi(first.value, unit=unit),
                "last_label": last.label,
                "last": value_vi(last.value, unit=unit),
                "summary": band_summary(
                    p.band if p.value is not None else BAND_NONE for p in points
                ),
            }
        else:
            desc = _("Chưa có số liệu trong các kỳ này.")
    return Chart("trend", width, height, title, desc, shapes, id_prefix)
