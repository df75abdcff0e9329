"""The plan's indicators, their data elements, phases and targets, as data, and the
idempotent loader that stores them (run by the data migration and by
``manage.py kpi_indicators_load``).

Targets: the province's plan carrying out the national scheme on digital transformation
of legal dissemination and education (Quyết định số 766/QĐ-TTg ngày 15/4/2025): people
reached by digital legal information ≥ 80% (urban) and ≥ 60% (rural) in 2025–2027, 90%
and 70% in 2028–2030; officials, reporters and propagandists trained in digital skills
≥ 80% then 100%; training delivered online ≥ 75% then 90%; citizens satisfied ≥ 90%.
See docs/kpi.md for how each figure is estimated.
"""

from datetime import date
from typing import Any

from .formula import formula_check

PLAN_BASIS = "Kế hoạch của tỉnh thực hiện Đề án theo Quyết định số 766/QĐ-TTg ngày 15/4/2025"

PHASES = [
    {"code": "2025-2027", "name": "Giai đoạn 2025–2027", "start": date(2025, 1, 1),
     "end": date(2027, 12, 31)},
    {"code": "2028-2030", "name": "Giai đoạn 2028–2030", "start": date(2028, 1, 1),
     "end": date(2030, 12, 31)},
]  # fmt: skip

# code, name, description, source, value type, aggregation over time, additive over units
ELEMENTS: list[dict[str, Any]] = [
    {
        "code": "entry_sample",
        "name": "Số người được khảo sát",
        "description": "Cỡ mẫu của cuộc khảo sát người dân do xã, phường thực hiện trong kỳ "
        "(nhập trên biểu mẫu, đã duyệt).",
        "source": "entry",
    },
    {
        "code": "entry_reached",
        "name": "Số người được khảo sát đã tiếp cận thông tin pháp luật qua nền tảng số",
        "description": "Trong số người được khảo sát, số người cho biết đã tiếp cận thông tin "
        "pháp luật qua nền tảng số (cổng thông tin, mạng xã hội, ứng dụng, tin nhắn) trong kỳ.",
        "source": "entry",
    },
    {
        "code": "entry_satisfied",
        "name": "Số người được khảo sát hài lòng",
        "description": "Trong số người được khảo sát, số người hài lòng hoặc rất hài lòng với "
        "hoạt động phổ biến, giáo dục pháp luật.",
        "source": "entry",
    },
    {
        "code": "population",
        "name": "Dân số",
        "description": "Dân số của xã, phường theo số liệu đơn vị hành chính.",
        "source": "auto:population",
        "aggregation": "last",
    },
    {
        "code": "reach_identified",
        "name": "Số người được định danh đã tiếp cận qua nền tảng số",
        "description": "Số người khác nhau (tài khoản, người dự thi, người hỏi, học viên, người "
        "trả lời khảo sát đã đăng nhập) đã dùng cổng trong kỳ, mỗi người tính một lần, theo "
        "xã, phường họ khai gần nhất trong kỳ.",
        "source": "auto:reach",
    },
    {
        "code": "page_views_local",
        "name": "Lượt xem nội dung địa phương (ẩn danh)",
        "description": "Số lượt xem trang của người đọc đã chọn xem nội dung của một xã, "
        "phường; không ghi dữ liệu cá nhân.",
        "source": "auto:page_views",
    },
    {
        "code": "training_in_registry",
        "name": "Số người trong danh sách báo cáo viên, tuyên truyền viên, cán bộ PBGDPL",
        "description": "Người trong danh sách của đơn vị (kể cả đơn vị trực thuộc) vào ngày "
        "cuối kỳ.",
        "source": "auto:training",
        "aggregation": "last",
        "additive": False,
    },
    {
        "code": "training_trained",
        "name": "Số người trong danh sách đã được bồi dưỡng kỹ năng số (từ đầu giai đoạn)",
        "description": "Người trong danh sách đã hoàn thành ít nhất một khoá bồi dưỡng tính vào "
        "chỉ tiêu, từ ngày đầu giai đoạn của kế hoạch đến ngày cuối kỳ.",
        "source": "auto:training",
        "aggregation": "last",
        "additive": False,
    },
    {
        "code": "training_hours",
        "name": "Giờ học của học viên",
        "description": "Tổng độ dài các buổi học đã dự và số giờ các khoá tự học đã hoàn thành.",
        "source": "auto:training",
        "value_type": "number",
        "additive": False,
    },
    {
        "code": "training_hours_online",
        "name": "Giờ học trực tuyến của học viên",
        "description": "Phần giờ học của học viên diễn ra trực tuyến.",
        "source": "auto:training",
        "value_type": "number",
        "additive": False,
    },
    {
        "code": "training_deliveries",
        "name": "Số buổi bồi dưỡng",
        "description": "Số buổi học có người trong danh sách tham dự, cộng mỗi khoá tự học "
        "trực tuyến có người hoàn thành.",
        "source": "auto:training",
        "additive": False,
    },
    {
        "code": "training_deliveries_online",
        "name": "Số buổi bồi dưỡng trực tuyến",
        "description": "Phần số buổi bồi dưỡng tổ chức trực tuyến.",
        "source": "auto:training",
        "additive": False,
    },
    {
        "code": "csat_answers",
        "name": "Số câu trả lời khảo sát hài lòng trên cổng",
        "description": "Câu trả lời khảo sát mức độ hài lòng (thang 1–5) trên cổng và sau hỏi "
        "đáp, cuộc thi, bồi dưỡng, theo xã, phường người trả lời chọn.",
        "source": "auto:surveys",
    },
    {
        "code": "csat_satisfied",
        "name": "Số câu trả lời hài lòng (4–5 điểm)",
        "description": "Câu trả lời khảo sát chấm 4 hoặc 5 điểm.",
        "source": "auto:surveys",
    },
]

REACH_DEFINITION = (
    "Tỷ lệ người dân {area} được tiếp cận thông tin pháp luật qua nền tảng số. Mỗi {unit} ước "
    "tính theo khảo sát người dân trong kỳ (tỷ lệ người được khảo sát trả lời đã tiếp cận, "
    "nhân với dân số), nhưng không thấp hơn số người được định danh đã dùng cổng; tỷ lệ của "
    "tỉnh là bình quân của các {unit} có số liệu, gia quyền theo dân số."
)
REACH_SOURCES = (
    "Khảo sát người dân do {unit} thực hiện, nhập trên biểu mẫu và đã được duyệt; dân số của "
    "đơn vị hành chính; số người được định danh (tài khoản, người dự thi, người hỏi đáp, học "
    "viên, người trả lời khảo sát) từ các phân hệ của cổng."
)
REACH_NUMERATOR = "max(#{entry_reached} / #{entry_sample} * #{population}, #{reach_identified})"

INDICATORS: list[dict[str, Any]] = [
    {
        "code": "reach_urban",
        "name": "Tỷ lệ người dân ở đô thị được tiếp cận thông tin pháp luật qua nền tảng số",
        "short_name": "Tiếp cận số – đô thị",
        "definition": REACH_DEFINITION.format(area="khu vực đô thị", unit="phường"),
        "numerator": REACH_NUMERATOR,
        "numerator_label": "Số người dân ước tính đã tiếp cận",
        "denominator": "#{population}",
        "denominator_label": "Dân số",
        "factor": 100,
        "population_weighted": True,
        "applies_to": "urban",
        "data_sources": REACH_SOURCES.format(unit="phường"),
        "sort_order": 10,
        "targets": [("2025-2027", "urban", 80), ("2028-2030", "urban", 90)],
    },
    {
        "code": "reach_rural",
        "name": "Tỷ lệ người dân ở nông thôn được tiếp cận thông tin pháp luật qua nền tảng số",
        "short_name": "Tiếp cận số – nông thôn",
        "definition": REACH_DEFINITION.format(area="khu vực nông thôn", unit="xã"),
        "numerator": REACH_NUMERATOR,
        "numerator_label": "Số người dân ước tính đã tiếp cận",
        "denominator": "#{population}",
        "denominator_label": "Dân số",
        "factor": 100,
        "population_weighted": True,
        "applies_to": "rural",
        "data_sources": REACH_SOURCES.format(unit="xã"),
        "sort_order": 20,
        "targets": [("2025-2027", "rural", 60), ("2028-2030", "rural", 70)],
    },
    {
        "code": "trained_share",
        "name": "Tỷ lệ cán bộ, công chức làm công tác PBGDPL, báo cáo viên, tuyên truyền viên "
        "pháp luật được bồi dưỡng kỹ năng số",
        "short_name": "Được bồi dưỡng kỹ năng số",
        "definition": "Số người trong danh sách báo cáo viên, tuyên truyền viên, cán bộ làm công "
        "tác phổ biến, giáo dục pháp luật đã hoàn thành khoá bồi dưỡng kỹ năng số từ đầu giai "
        "đoạn, chia cho số người trong danh sách vào ngày cuối kỳ.",
        "numerator": "#{training_trained}",
        "numerator_label": "Số người đã được bồi dưỡng từ đầu giai đoạn",
        "denominator": "#{training_in_registry}",
        "denominator_label": "Số người trong danh sách",
        "factor": 100,
        "data_sources": "Danh sách báo cáo viên, tuyên truyền viên, cán bộ và kết quả các khoá "
        "bồi dưỡng trong phân hệ Bồi dưỡng của cổng.",
        "sort_order": 30,
        "targets": [("2025-2027", "all", 80), ("2028-2030", "all", 100)],
    },
    {
        "code": "training_online_hours",
        "name": "Tỷ lệ hoạt động bồi dưỡng được tổ chức trực tuyến (theo giờ học)",
        "short_name": "Bồi dưỡng trực tuyến – giờ học",
        "definition": "Giờ học trực tuyến của học viên chia cho tổng giờ học của học viên trong "
        "kỳ (buổi học trực tuyến đã dự và khoá tự học trực tuyến đã hoàn thành).",
        "numerator": "#{training_hours_online}",
        "numerator_label": "Giờ học trực tuyến",
        "denominator": "#{training_hours}",
        "denominator_label": "Tổng giờ học",
        "factor": 100,
        "data_sources": "Buổi học, điểm danh và khoá tự học trong phân hệ Bồi dưỡng.",
        "sort_order": 40,
        "targets": [("2025-2027", "all", 75), ("2028-2030", "all", 90)],
    },
    {
        "code": "training_online_sessions",
        "name": "Tỷ lệ buổi bồi dưỡng được tổ chức trực tuyến (theo số buổi)",
        "short_name": "Bồi dưỡng trực tuyến – số buổi",
        "definition": "Chỉ tiêu đi kèm: số buổi học trực tuyến (kể cả mỗi khoá tự học trực tuyến "
        "có người hoàn thành) chia cho tổng số buổi học có người trong danh sách tham dự trong "
        "kỳ.",
        "numerator": "#{training_deliveries_online}",
        "numerator_label": "Số buổi trực tuyến",
        "denominator": "#{training_deliveries}",
        "denominator_label": "Tổng số buổi",
        "factor": 100,
        "data_sources": "Buổi học, điểm danh và khoá tự học trong phân hệ Bồi dưỡng.",
        "sort_order": 45,
        "companion_of": "training_online_hours",
        "targets": [("2025-2027", "all", 75), ("2028-2030", "all", 90)],
    },
    {
        "code": "satisfaction",
        "name": "Tỷ lệ người dân hài lòng với hoạt động phổ biến, giáo dục pháp luật",
        "short_name": "Người dân hài lòng",
        "definition": "Số câu trả lời hài lòng (4 hoặc 5 điểm trên thang 1–5) trên cổng cộng số "
        "người hài lòng trong các cuộc khảo sát của xã, phường, chia cho tổng số câu trả lời "
        "và số người được khảo sát.",
        "numerator": "#{csat_satisfied} + #{entry_satisfied}",
        "numerator_label": "Số người, câu trả lời hài lòng",
        "denominator": "#{csat_answers} + #{entry_sample}",
        "denominator_label": "Số người, câu trả lời được ghi nhận",
        "factor": 100,
        "data_sources": "Khảo sát mức độ hài lòng trên cổng (sau hỏi đáp, cuộc thi, bồi dưỡng và "
        "trên trang chủ); khảo sát người dân do xã, phường thực hiện, đã được duyệt.",
        "sort_order": 50,
        "targets": [("2025-2027", "all", 90), ("2028-2030", "all", 90)],
    },
    {
        "code": "reach_identified",
        "name": "Số người được định danh đã tiếp cận thông tin pháp luật qua nền tảng số",
        "short_name": "Người được định danh",
        "definition": "Số người khác nhau đã dùng cổng trong kỳ và cho biết xã, phường nơi mình "
        "sống: người có tài khoản, người dự thi, người gửi câu hỏi, học viên, người trả lời "
        "khảo sát đã đăng nhập. Hai bản ghi trùng số điện thoại, thư điện tử hoặc tài khoản "
        "là một người; mỗi người tính một lần trong kỳ, cho xã, phường họ khai gần nhất. Đây "
        "là mức sàn của số người được tiếp cận.",
        "numerator": "#{reach_identified}",
        "numerator_label": "Số người được định danh",
        "factor": 1,
        "unit_of_measure": "người",
        "decimals": 0,
        "data_sources": "Tài khoản, cuộc thi, hỏi đáp, bồi dưỡng và khảo sát của cổng (chỉ dùng "
        "mã băm của số điện thoại, thư điện tử, tài khoản).",
        "sort_order": 60,
        "targets": [],
    },
    {
        "code": "page_views_local",
        "name": "Lượt xem nội dung pháp luật của địa phương (ẩn danh)",
        "short_name": "Lượt xem nội dung địa phương",
        "definition": "Số lượt xem trang của người đọc đã chọn xem nội dung của một xã, phường, "
        "tính cho xã, phường đó; không gắn với người xem cụ thể.",
        "numerator": "#{page_views_local}",
        "numerator_label": "Lượt xem",
        "factor": 1,
        "unit_of_measure": "lượt",
        "decimals": 0,
        "data_sources": "Thống kê lượt xem ẩn danh của cổng thông tin theo xã, phường được chọn.",
        "sort_order": 70,
        "targets": [],
    },
]

INDICATOR_FIELDS = (
    "name", "short_name", "definition", "numerator", "numerator_label", "denominator",
    "denominator_label", "factor", "unit_of_measure", "decimals", "direction",
    "population_weighted", "applies_to", "data_sources", "sort_order",
)  # fmt: skip


def indicators_load(*, apps: Any = None) -> dict[str, int]:
    """Store (or bring back to the plan's values) the phases, data elements, indicators and
    targets above. ``apps``: a migration's app registry (default: the live one). Returns
    how many rows of each kind were created."""
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
    Phase = apps.get_model("kpi", "Phase")
    DataElement = apps.get_model("kpi", "DataElement")
    Indicator = apps.get_model("kpi", "Indicator")
    Target = apps.get_model("kpi", "Target")
    created = {"phases": 0, "elements": 0, "indicators": 0, "targets": 0}

    phases = {}
    for row in PHASES:
        phase, new = Phase.objects.update_or_create(
            code=row["code"], defaults={k: v for k, v in row.items() if k != "code"}
        )
        phases[phase.code] = phase
        created["phases"] += new

    known = set(DataElement.objects.values_list("code", flat=True))
    for order, row in enumerate(ELEMENTS, start=1):
        defaults = {
            "name": row["name"],
            "description": row.get("description", ""),
            "source": row["source"],
            "value_type": row.get("value_type", "integer"),
            "aggregation": row.get("aggregation", "sum"),
            "additive": row.get("additive", True),
            "sort_order": order * 10,
        }
        _element, new = DataElement.objects.update_or_create(code=row["code"], defaults=defaults)
        created["elements"] += new
        known.add(row["code"])

    by_code = {}
    for row in INDICATORS:
        formula_check(row["numerator"], known=known)
        if row.get("denominator"):
            formula_check(row["denominator"], known=known)
        defaults = {
            "direction": "higher",
            "population_weighted": False,
            "applies_to": "all",
            "unit_of_measure": "%",
            "decimals": 1,
            "denominator": "",
            "denominator_label": "",
            "short_name": "",
            "active": True,
        }
        defaults.update({k: row[k] for k in INDICATOR_FIELDS if k in row})
        indicator, new = Indicator.objects.update_or_create(code=row["code"], defaults=defaults)
        by_code[indicator.code] = indicator
        created["indicators"] += new
        for phase_code, scope, value in row["targets"]:
            _target, new = Target.objects.update_or_create(
                indicator=indicator,
                phase=phases[phase_code],
                unit_scope=scope,
                unit=None,
                defaults={"value": value, "note": PLAN_BASIS},
            )
            created["targets"] += new
    for row in INDICATORS:
        companion = by_code.get(row.get("companion_of", ""))
        Indicator.objects.filter(code=row["code"]).update(companion_of=companion)
    return created
