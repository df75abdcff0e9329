"""The dashboard's server-drawn charts: accessible SVG (role, title, description, bands
not told by colour alone), deterministic output, the same layout for the PDF, and the
Vietnamese number formats."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from pbgdpl.kpi.charts import (
    BAND_AMBER,
    BAND_GREEN,
    BAND_NONE,
    BAND_RED,
    Bar,
    Point,
    Rect,
    Text,
    band_summary,
    number_vi,
    percent_vi,
    progress_chart,
    trend_chart,
    urban_rural_chart,
    value_vi,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def _bars():
    return [
        Bar("Phường Pleiku", 88.2, 80, BAND_GREEN),
        Bar("Xã Ia Hrú", 72.5, 80, BAND_AMBER),
        Bar("Xã Chư Sê", 41.0, 60, BAND_RED),
        Bar("Xã Kbang", None, 60, BAND_NONE),
    ]


def _parse(chart):
    return ET.fromstring(str(chart.svg()))  # noqa: S314  (our own output)


def _texts(root):
    return [el.text for el in root.iter(f"{SVG}text")]


# --------------------------------------------------------------------------- numbers


def test_numbers_are_written_the_vietnamese_way():
    assert number_vi(1234.5, 1) == "1.234,5"
    assert number_vi(1234567) == "1.234.567"
    assert number_vi(0.04, 1) == "0,0"
    assert number_vi(-0.0001, 1) == "0,0"
    assert number_vi(None) == "—"
    assert percent_vi(82.345) == "82,3\u00a0%"
    assert percent_vi(100, 0) == "100\u00a0%"
    assert value_vi(12345, unit="lượt") == "12.345\u00a0lượt"
    assert value_vi(12345.0, unit="") == "12.345"
    assert value_vi(None, unit="%") == "—"


def test_band_summary_counts_only_bands_present():
    assert band_summary([BAND_GREEN, BAND_GREEN, BAND_RED]) == "2 đạt, 1 chưa đạt"
    assert band_summary([]) == ""


# --------------------------------------------------------------------------- progress


def test_progress_chart_is_an_accessible_image():
    root = _parse(progress_chart(_bars(), title="Tỷ lệ tiếp cận", id_prefix="tiep-can"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "tiep-can-t tiep-can-d"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.get("id") == "tiep-can-t" and title.text == "Tỷ lệ tiếp cận"
    assert desc.get("id") == "tiep-can-d"
    assert desc.text == "4 mục: 1 đạt, 1 gần đạt, 1 chưa đạt, 1 chưa có số liệu. " + (
        "Số liệu chi tiết ở bảng kèm theo."
    )
    assert root.find(f".//{SVG}script") is None
    assert "href" not in str(progress_chart(_bars(), title="x").svg())


def test_progress_chart_tells_the_band_in_words_and_patterns_not_colour_only():
    chart = progress_chart(_bars(), title="x", id_prefix="p")
    root = _parse(chart)
    texts = _texts(root)
    assert "88,2\u00a0% · Đạt" in texts
    assert "72,5\u00a0% · Gần đạt" in texts
    assert "41,0\u00a0% · Chưa đạt" in texts
    assert "Chưa có số liệu" in texts
    patterns = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert patterns == {"p-p-amber", "p-p-red"}
    fills = {r.get("class"): r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("class")}
    assert fills["kpi-band kpi-band-amber"] == "url(#p-p-amber)"
    assert fills["kpi-band kpi-band-red"] == "url(#p-p-red)"
    assert fills["kpi-band kpi-band-green"].startswith("#")
    # No bar is drawn for the unit without data; one target mark (and halo) per bar.
    assert len([r for r in root.iter(f"{SVG}rect") if "kpi-band" in (r.get("class") or "")]) == 3
    assert len([ln for ln in root.iter(f"{SVG}line") if ln.get("class") == "kpi-target"]) == 5


def test_progress_bar_lengths_follow_values_and_target_marks_their_own_target():
    chart = progress_chart([Bar("A", 50, 80, BAND_RED), Bar("B", 100, 60, BAND_GREEN)], title="x")
    bars = [s for s in chart.shapes if isinstance(s, Rect) and s.band is not None]
    assert bars[1].width == pytest.approx(2 * bars[0].width)
    targets = [s for s in chart.shapes if getattr(s, "css", "") == "kpi-target"][:2]
    track = next(s for s in chart.shapes if isinstance(s, Rect) and s.css == "kpi-track")
    assert targets[0].x1 == pytest.approx(track.x + track.width * 0.8)
    assert targets[1].x1 == pytest.approx(track.x + track.width * 0.6)


def test_progress_chart_output_is_deterministic_and_escaped():
    bars = [Bar("Xã <b>&", 10, 60, BAND_RED)]
    first = str(progress_chart(bars, title="T <x>", id_prefix="d").svg())
    second = str(progress_chart(bars, title="T <x>", id_prefix="d").svg())
    assert first == second
    assert "<b>" not in first and "Xã &lt;b&gt;&amp;" in first and "T &lt;x&gt;" in first


def test_count_indicators_scale_to_their_largest_value():
    chart = progress_chart([Bar("A", 1234, None), Bar("B", 300, None)], title="x", unit="người")
    labels = [s.text for s in chart.shapes if isinstance(s, Text)]
    assert "1.234\u00a0người" in labels
    assert "2.000\u00a0người" in labels  # axis top: the round number above 1.234
    assert "Chỉ tiêu" not in labels  # no target, no legend for it


# --------------------------------------------------------------------------- urban / rural


def test_urban_rural_pairs_are_labelled_not_colour_coded():
    chart = urban_rural_chart(
        [
            ("Tiếp cận", Bar("", 85.0, 80, BAND_GREEN), Bar("", 55.3, 60, BAND_AMBER)),
            ("Hài lòng", Bar("", 91.0, 90, BAND_GREEN), None),
        ],
        title="Thành thị và nông thôn",
        id_prefix="tn",
    )
    root = _parse(chart)
    texts = _texts(root)
    assert texts.count("Thành thị") == 2
    assert texts.count("Nông thôn") == 1
    assert "Tiếp cận" in texts and "Hài lòng" in texts
    assert root.get("class") == "kpi-chart kpi-chart-urban-rural"
    desc = root.find(f"{SVG}desc").text
    assert "Tiếp cận – Thành thị: 85,0\u00a0% (chỉ tiêu 80\u00a0%)" in desc
    assert "Tiếp cận – Nông thôn: 55,3\u00a0% (chỉ tiêu 60\u00a0%)" in desc


# --------------------------------------------------------------------------- trend


def test_trend_has_a_column_per_period_with_data_and_a_dash_for_a_gap():
    points = [
        Point("Q1", 55.0, 60, BAND_AMBER),
        Point("Q2", None, 60),
        Point("Q3", 62.0, 60, BAND_GREEN),
        Point("Q4", 70.0, 70, BAND_GREEN),
    ]
    root = _parse(trend_chart(points, title="Xu hướng", id_prefix="xh"))
    columns = [r for r in root.iter(f"{SVG}rect") if "kpi-band" in (r.get("class") or "")]
    assert len(columns) == 3
    texts = _texts(root)
    assert [t for t in texts if t.startswith("Q")] == ["Q1", "Q2", "Q3", "Q4"]
    assert "—" in texts
    assert "55,0\u00a0%" in texts
    # The target is a step: one segment per period, higher in Q4.
    targets = [ln for ln in root.iter(f"{SVG}line") if ln.get("class") == "kpi-target"]
    assert len(targets) == 5  # four periods + the legend
    assert float(targets[3].get("y1")) < float(targets[0].get("y1"))
    desc = root.find(f"{SVG}desc").text
    assert desc == "4 kỳ; Q1: 55,0\u00a0%, Q4: 70,0\u00a0%; 2 đạt, 1 gần đạt, 1 chưa có số liệu."


def test_trend_without_data_says_so():
    chart = trend_chart([Point("2026", None)], title="x")
    assert chart.desc == "Chưa có số liệu trong các kỳ này."


# --------------------------------------------------------------------------- PDF


def test_the_same_layout_draws_in_reportlab_with_hatching_for_patterns():
    from reportlab.graphics import shapes as rl

    chart = progress_chart(_bars(), title="x")
    drawing = chart.drawing()
    assert (drawing.width, drawing.height) == (chart.width, chart.height)
    strings = [s.text for s in drawing.contents if isinstance(s, rl.String)]
    assert "41,0\u00a0% · Chưa đạt" in strings
    rects = [s for s in drawing.contents if isinstance(s, rl.Rect)]
    assert len(rects) == len([s for s in chart.shapes if isinstance(s, Rect)])
    white_lines = [
        s
        for s in drawing.contents
        if isinstance(s, rl.Line) and s.strokeColor.hexval() == "0xffffff"
    ]
    assert len(white_lines) > 4  # hatching of the amber and red bars (beyond the halos)
