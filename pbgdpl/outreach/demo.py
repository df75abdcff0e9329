"""The outreach demo: the 2026 PBGDPL plans of the province and of six communes (with
targets; the province's and two communes' recorded as approved) and 50 activities across
the communes of the province — every kind, mode and month of 2026, Vietnam Law Day
(9/11) in five communes — with participants consistent with each unit (a ward's are
urban, a commune's rural; province-level activities split by hand) and evidence photos on
about two thirds of them.

Texts are our own words, citing laws only by number and title. Everything goes through
the services (plan_create, plan_approve, activity_create, evidence_add), as the province
admin. Idempotent: a plan of the same unit and year, or an activity of the same unit, day
and title, is left alone; an activity dated after today is skipped (loaded before
9/11/2026, the Law Day activities wait for a later load).
"""

import io
import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from pbgdpl.core.demo_names import highland_unit
from pbgdpl.units.models import Unit, UnitKind
from pbgdpl.units.selectors import unit_list_valid

from . import services
from .models import Activity, ActivityKind, ActivityMode, OutreachPlan, TargetKind
from .services import ActivityInput, PlanInput, TargetInput

YEAR = 2026
SEED = 2026
DEMO_URL = "https://demo.pbgdpl.vn/tin-bai/"

# Laws cited by the demo activities: short name, number.
LAWS = {
    "dat_dai": ("Luật Đất đai năm 2024", "31/2024/QH15"),
    "hon_nhan": ("Luật Hôn nhân và gia đình", "52/2014/QH13"),
    "bao_luc": ("Luật Phòng, chống bạo lực gia đình năm 2022", "13/2022/QH15"),
    "tre_em": ("Luật Trẻ em", "102/2016/QH13"),
    "giao_thong": ("Luật Trật tự, an toàn giao thông đường bộ", "36/2024/QH15"),
    "ma_tuy": ("Luật Phòng, chống ma túy", "73/2021/QH14"),
    "hoa_giai": ("Luật Hòa giải ở cơ sở", "35/2013/QH13"),
    "pbgdpl": ("Luật Phổ biến, giáo dục pháp luật", "14/2012/QH13"),
    "du_lieu": ("Luật Bảo vệ dữ liệu cá nhân", "91/2025/QH15"),
    "cu_tru": ("Luật Cư trú", "68/2020/QH14"),
    "can_cuoc": ("Luật Căn cước", "26/2023/QH15"),
    "tro_giup": ("Luật Trợ giúp pháp lý", "11/2017/QH14"),
    "lao_dong": ("Bộ luật Lao động", "45/2019/QH14"),
    "bhxh": ("Luật Bảo hiểm xã hội năm 2024", "41/2024/QH15"),
    "an_ninh_mang": ("Luật An ninh mạng", "24/2018/QH14"),
    "mua_ban_nguoi": ("Luật Phòng, chống mua bán người năm 2024", "53/2024/QH15"),
    "lam_nghiep": ("Luật Lâm nghiệp", "16/2017/QH14"),
    "thuy_san": ("Luật Thủy sản", "18/2017/QH14"),
    "dan_chu": ("Luật Thực hiện dân chủ ở cơ sở", "10/2022/QH15"),
    "pccc": ("Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "55/2024/QH15"),
}


@dataclass(frozen=True)
class Spec:
    """One demo activity: where (``place`` is an index into the chosen units, or
    "province"), when, what, how many."""

    place: Any
    month: int
    day: int
    kind: str
    mode: str
    title: str  # "{unit}", "{village}" are filled in
    laws: tuple[str, ...]
    audiences: tuple[str, ...]
    participants: int = 0
    views: int = 0
    where: str = ""  # place text; "{village}" filled in


K, M = ActivityKind, ActivityMode
OFFICIALS, CITIZENS, STUDENTS = "officials", "citizens", "students"
ETHNIC, WORKERS, WOMEN, YOUTH = "ethnic_minorities", "workers", "women", "youth"
ELDERLY, FARMERS, CHILDREN = "elderly", "farmers", "children"

# 45 activities through the year, then Law Day in five communes (50 in all).
SPECS = [
    Spec(
        "province",
        1,
        16,
        K.CONFERENCE,
        M.BOTH,
        "Hội nghị triển khai công tác phổ biến, giáo dục pháp luật năm 2026 và giới thiệu {law}",
        ("pbgdpl", "du_lieu"),
        (OFFICIALS,),
        320,
        1450,
        "Hội trường Ủy ban nhân dân tỉnh",
    ),
    Spec(
        0,
        1,
        22,
        K.VILLAGE_MEETING,
        M.OFFLINE,
        "Lồng ghép phổ biến {law} trong họp {village}",
        ("cu_tru", "can_cuoc"),
        (CITIZENS, ELDERLY),
        85,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        2,
        2,
        5,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} tại {village}",
        ("dat_dai",),
        (CITIZENS, ETHNIC, FARMERS),
        140,
        0,
        "Nhà rông {village}",
    ),
    Spec(
        1,
        2,
        26,
        K.LOUDSPEAKER,
        M.OFFLINE,
        "Phát thanh chuyên mục “Pháp luật với đời sống”: những điểm mới của {law}",
        ("giao_thong",),
        (CITIZENS,),
        0,
        0,
        "Hệ thống loa truyền thanh các tổ dân phố",
    ),
    Spec(
        3,
        3,
        3,
        K.SOCIAL_MEDIA,
        M.ONLINE,
        "Loạt bài hỏi đáp {law} trên trang mạng xã hội của {unit}",
        ("hon_nhan",),
        (CITIZENS, YOUTH, WOMEN),
        0,
        2380,
    ),
    Spec(
        4,
        3,
        8,
        K.CONFERENCE,
        M.OFFLINE,
        "Tọa đàm “Phụ nữ với {law}” nhân ngày Quốc tế Phụ nữ 8/3",
        ("bao_luc", "hon_nhan"),
        (WOMEN,),
        95,
        0,
        "Hội trường {unit}",
    ),
    Spec(
        5,
        3,
        19,
        K.LEGAL_AID,
        M.OFFLINE,
        "Trợ giúp pháp lý lưu động cho đồng bào dân tộc thiểu số tại {village}",
        ("tro_giup", "dat_dai"),
        (ETHNIC, FARMERS),
        120,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        "province",
        3,
        26,
        K.PRESS,
        M.BOTH,
        "Chuyên mục truyền hình “Hiểu luật để sống an toàn”: {law}",
        ("ma_tuy",),
        (CITIZENS, YOUTH),
        0,
        18400,
        "Đài Phát thanh – Truyền hình tỉnh",
    ),
    Spec(
        6,
        4,
        2,
        K.CONTEST,
        M.OFFLINE,
        "Cuộc thi “Rung chuông vàng” tìm hiểu {law} cho học sinh trung học cơ sở",
        ("tre_em", "giao_thong"),
        (STUDENTS, CHILDREN),
        210,
        0,
        "Trường Trung học cơ sở {unit_short}",
    ),
    Spec(
        7,
        4,
        9,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} tại {village}",
        ("lam_nghiep", "dat_dai"),
        (CITIZENS, ETHNIC, FARMERS),
        160,
        0,
        "Sân nhà rông {village}",
    ),
    Spec(
        0,
        4,
        17,
        K.WEBSITE,
        M.ONLINE,
        "Tin bài hướng dẫn thủ tục theo {law} trên Trang thông tin điện tử {unit}",
        ("cu_tru",),
        (CITIZENS,),
        0,
        960,
    ),
    Spec(
        8,
        4,
        23,
        K.VILLAGE_MEETING,
        M.OFFLINE,
        "Lồng ghép phổ biến {law} trong họp {village}",
        ("hoa_giai", "dan_chu"),
        (CITIZENS, ELDERLY),
        72,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        9,
        5,
        7,
        K.CONFERENCE,
        M.BOTH,
        "Hội nghị phổ biến {law} cho cán bộ, công chức {unit}",
        ("du_lieu", "an_ninh_mang"),
        (OFFICIALS,),
        65,
        240,
        "Hội trường {unit}",
    ),
    Spec(
        10,
        5,
        14,
        K.PUBLICATION,
        M.OFFLINE,
        "Phát tờ gấp hỏi đáp {law} đến các hộ gia đình",
        ("bao_luc", "tre_em"),
        (CITIZENS, WOMEN),
        0,
        0,
        "Các thôn, làng của {unit_short}",
    ),
    Spec(
        1,
        5,
        21,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} cho người lao động tại khu công nghiệp",
        ("lao_dong", "bhxh"),
        (WORKERS,),
        230,
        0,
        "Nhà ăn ca khu công nghiệp trên địa bàn {unit_short}",
    ),
    Spec(
        11,
        5,
        28,
        K.LOUDSPEAKER,
        M.OFFLINE,
        "Phát thanh song ngữ Việt – Jrai về {law}",
        ("ma_tuy",),
        (CITIZENS, ETHNIC),
        0,
        0,
        "Cụm loa truyền thanh các làng",
    ),
    Spec(
        12,
        6,
        4,
        K.SOCIAL_MEDIA,
        M.ONLINE,
        "Video ngắn “Một phút hiểu luật”: {law} trên trang mạng xã hội của {unit}",
        ("giao_thong",),
        (YOUTH, STUDENTS),
        0,
        5120,
    ),
    Spec(
        2,
        6,
        12,
        K.LEGAL_AID,
        M.OFFLINE,
        "Tư vấn pháp luật về đất đai, thừa kế cho người dân {village}",
        ("dat_dai", "tro_giup"),
        (CITIZENS, ETHNIC, FARMERS),
        88,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        3,
        6,
        26,
        K.CONFERENCE,
        M.OFFLINE,
        "Hưởng ứng Ngày toàn dân phòng, chống ma túy 26/6: phổ biến {law}",
        ("ma_tuy",),
        (YOUTH, CITIZENS),
        150,
        0,
        "Hội trường {unit}",
    ),
    Spec(
        "province",
        6,
        30,
        K.CONFERENCE,
        M.ONLINE,
        "Hội nghị trực tuyến tập huấn nghiệp vụ hòa giải ở cơ sở theo {law}",
        ("hoa_giai",),
        (OFFICIALS,),
        540,
        0,
        "Điểm cầu tỉnh và các xã, phường",
    ),
    Spec(
        13,
        7,
        3,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} tại {village}",
        ("thuy_san",),
        (CITIZENS, FARMERS),
        110,
        0,
        "Bến cá {village}",
    ),
    Spec(
        4,
        7,
        10,
        K.VILLAGE_MEETING,
        M.OFFLINE,
        "Lồng ghép phổ biến {law} trong sinh hoạt chi hội phụ nữ {village}",
        ("hon_nhan", "bao_luc"),
        (WOMEN,),
        64,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        14,
        7,
        17,
        K.CONTEST,
        M.ONLINE,
        "Cuộc thi trực tuyến tìm hiểu {law} dành cho đoàn viên, thanh niên",
        ("an_ninh_mang", "du_lieu"),
        (YOUTH,),
        430,
        2900,
    ),
    Spec(
        5,
        7,
        24,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} tại {village}",
        ("mua_ban_nguoi",),
        (CITIZENS, ETHNIC, WOMEN),
        135,
        0,
        "Nhà rông {village}",
    ),
    Spec(
        0,
        8,
        6,
        K.CONFERENCE,
        M.OFFLINE,
        "Hội nghị phổ biến {law} cho hộ kinh doanh",
        ("pccc",),
        (WORKERS,),
        90,
        0,
        "Hội trường {unit}",
    ),
    Spec(
        15,
        8,
        13,
        K.LOUDSPEAKER,
        M.OFFLINE,
        "Phát thanh chuyên mục pháp luật: {law}",
        ("dat_dai",),
        (CITIZENS,),
        0,
        0,
        "Hệ thống loa truyền thanh các thôn",
    ),
    Spec(
        6,
        8,
        20,
        K.PUBLICATION,
        M.OFFLINE,
        "Phát sổ tay hỏi đáp {law} cho người cao tuổi",
        ("cu_tru", "can_cuoc"),
        (ELDERLY,),
        0,
        0,
        "Các chi hội người cao tuổi của {unit_short}",
    ),
    Spec(
        16,
        8,
        27,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} tại {village}",
        ("lam_nghiep",),
        (CITIZENS, ETHNIC, FARMERS),
        125,
        0,
        "Sân nhà rông {village}",
    ),
    Spec(
        7,
        9,
        4,
        K.CONTEST,
        M.OFFLINE,
        "Hội thi “Hòa giải viên giỏi” theo {law}",
        ("hoa_giai",),
        (CITIZENS, OFFICIALS),
        180,
        0,
        "Hội trường {unit}",
    ),
    Spec(
        "province",
        9,
        9,
        K.SOCIAL_MEDIA,
        M.ONLINE,
        "Loạt bài giới thiệu {law} trên trang mạng xã hội Sở Tư pháp",
        ("du_lieu",),
        (CITIZENS, OFFICIALS, YOUTH),
        0,
        7650,
    ),
    Spec(
        8,
        9,
        15,
        K.LEGAL_AID,
        M.BOTH,
        "Ngày hội trợ giúp pháp lý: tư vấn trực tiếp và trực tuyến về {law}",
        ("tro_giup", "lao_dong"),
        (CITIZENS, WORKERS),
        96,
        310,
        "Nhà văn hóa {unit_short}",
    ),
    Spec(
        9,
        9,
        22,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} cho học sinh trước năm học mới",
        ("giao_thong", "tre_em"),
        (STUDENTS,),
        350,
        0,
        "Trường Trung học phổ thông {unit_short}",
    ),
    Spec(
        10,
        9,
        29,
        K.VILLAGE_MEETING,
        M.OFFLINE,
        "Lồng ghép phổ biến {law} trong họp {village}",
        ("dan_chu",),
        (CITIZENS,),
        70,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        11,
        10,
        6,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} tại {village}",
        ("hon_nhan", "tre_em"),
        (CITIZENS, ETHNIC, WOMEN),
        145,
        0,
        "Nhà rông {village}",
    ),
    Spec(
        12,
        10,
        13,
        K.CONFERENCE,
        M.OFFLINE,
        "Hội nghị phổ biến {law} cho doanh nghiệp",
        ("bhxh", "lao_dong"),
        (WORKERS,),
        75,
        0,
        "Hội trường {unit}",
    ),
    Spec(
        13,
        10,
        20,
        K.VILLAGE_MEETING,
        M.OFFLINE,
        "Lồng ghép phổ biến {law} nhân ngày Phụ nữ Việt Nam 20/10",
        ("bao_luc",),
        (WOMEN,),
        58,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        14,
        10,
        27,
        K.WEBSITE,
        M.ONLINE,
        "Tin bài hướng dẫn thực hiện {law} trên Trang thông tin điện tử {unit}",
        ("bhxh",),
        (WORKERS, CITIZENS),
        0,
        640,
    ),
    Spec(
        15,
        11,
        3,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} tại {village}",
        ("ma_tuy", "mua_ban_nguoi"),
        (YOUTH, ETHNIC),
        118,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        16,
        11,
        17,
        K.LOUDSPEAKER,
        M.BOTH,
        "Phát thanh và đăng tải trực tuyến bản tin pháp luật về {law}",
        ("pccc",),
        (CITIZENS,),
        0,
        420,
        "Hệ thống loa truyền thanh và trang mạng xã hội của {unit_short}",
    ),
    Spec(
        1,
        11,
        20,
        K.CONFERENCE,
        M.BOTH,
        "Hội nghị đối thoại chính sách với người dân về {law}",
        ("dat_dai", "dan_chu"),
        (CITIZENS,),
        130,
        560,
        "Hội trường {unit}",
    ),
    Spec(
        2,
        11,
        25,
        K.PUBLICATION,
        M.OFFLINE,
        "Phát tờ gấp song ngữ Việt – Bahnar về {law}",
        ("dat_dai",),
        (ETHNIC, CITIZENS),
        0,
        0,
        "Các làng của {unit_short}",
    ),
    Spec(
        3,
        12,
        1,
        K.MOBILE_SESSION,
        M.OFFLINE,
        "Tuyên truyền {law} nhân ngày Thế giới phòng, chống HIV/AIDS",
        ("ma_tuy",),
        (YOUTH, CITIZENS),
        105,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        4,
        12,
        3,
        K.OTHER,
        M.OFFLINE,
        "Ra mắt tủ sách pháp luật tại {village} với các ấn phẩm về {law}",
        ("hoa_giai", "hon_nhan"),
        (CITIZENS, ELDERLY, STUDENTS),
        60,
        0,
        "Nhà văn hóa {village}",
    ),
    Spec(
        "province",
        12,
        4,
        K.CONFERENCE,
        M.OFFLINE,
        "Hội nghị sơ kết công tác phổ biến, giáo dục pháp luật năm 2026 và triển khai {law}",
        ("pbgdpl",),
        (OFFICIALS,),
        260,
        0,
        "Hội trường Sở Tư pháp",
    ),
    Spec(
        5,
        12,
        5,
        K.VILLAGE_MEETING,
        M.OFFLINE,
        "Lồng ghép phổ biến {law} trong họp {village}",
        ("cu_tru", "can_cuoc"),
        (CITIZENS, ETHNIC),
        66,
        0,
        "Nhà rông {village}",
    ),
]
LAW_DAY = [
    Spec(place, 11, 9, K.LAW_DAY, mode, title, laws, audiences, people, views, where)
    for place, mode, title, laws, audiences, people, views, where in [
        (
            "province",
            M.BOTH,
            "Lễ hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam 9/11/2026 "
            "và giới thiệu {law}",
            ("pbgdpl", "du_lieu"),
            (OFFICIALS, CITIZENS),
            450,
            3200,
            "Quảng trường trung tâm tỉnh",
        ),
        (
            0,
            M.OFFLINE,
            "Hưởng ứng Ngày Pháp luật 9/11: sân chơi tìm hiểu {law} tại {unit}",
            ("giao_thong",),
            (CITIZENS, YOUTH),
            260,
            0,
            "Sân văn hóa {unit_short}",
        ),
        (
            1,
            M.OFFLINE,
            "Hưởng ứng Ngày Pháp luật 9/11: tuyên truyền {law} tại {unit}",
            ("dat_dai", "cu_tru"),
            (CITIZENS,),
            240,
            0,
            "Hội trường {unit}",
        ),
        (
            2,
            M.OFFLINE,
            "Hưởng ứng Ngày Pháp luật 9/11 tại {village}: phổ biến {law}",
            ("hon_nhan", "bao_luc"),
            (CITIZENS, ETHNIC, WOMEN),
            190,
            0,
            "Nhà rông {village}",
        ),
        (
            7,
            M.BOTH,
            "Hưởng ứng Ngày Pháp luật 9/11: mít tinh và phát trực tuyến về {law}",
            ("ma_tuy",),
            (CITIZENS, YOUTH, ETHNIC),
            310,
            870,
            "Sân vận động {unit_short}",
        ),
    ]
]

PLAN_TARGETS = {
    "province": [
        (TargetKind.ACTIVITIES, "", 45),
        (TargetKind.ACTIVITIES_OF_KIND, ActivityKind.LAW_DAY, 5),
        (TargetKind.ACTIVITIES_OF_KIND, ActivityKind.MOBILE_SESSION, 12),
        (TargetKind.PARTICIPANTS, "", 6000),
        (TargetKind.PARTICIPANTS_RURAL, "", 3000),
        (TargetKind.ONLINE_SHARE, "", 30),
        (TargetKind.ONLINE_REACH, "", 40000),
        (TargetKind.EVIDENCE_SHARE, "", 80),
        (TargetKind.UNITS_COVERED, "", 15),
    ],
    "commune": [
        (TargetKind.ACTIVITIES, "", 5),
        (TargetKind.ACTIVITIES_OF_KIND, ActivityKind.MOBILE_SESSION, 2),
        (TargetKind.PARTICIPANTS, "", 500),
        (TargetKind.ONLINE_SHARE, "", 20),
        (TargetKind.EVIDENCE_SHARE, "", 100),
    ],
}
PLAN_COMMUNES = 6  # the first units of the demo list get a plan
APPROVED_COMMUNES = 2


def _unit_short(unit: Unit) -> str:
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    return unit.name


def _village(unit: Unit, rng: random.Random) -> str:
    if unit.is_urban:
        return f"tổ dân phố {rng.randint(1, 12)}"
    if highland_unit(unit.name):
        return f"làng {rng.choice(['Ia Kla', 'Plei Ring', 'Kép', 'Ốp', 'Bông Phun', 'Đê Kjiêng', 'Mơ Nú', 'Plei Tơ Ver'])}"  # noqa: E501
    return (
        f"thôn {rng.choice(['1', '2', '3', '4', '5', 'Mỹ Thạnh', 'An Hòa', 'Tân Lập', 'Phú Mỹ'])}"
    )


def demo_units(province: Unit) -> list[Unit]:
    """The communes the demo records activities for: the two first communes (whose demo
    officers log in), then wards and communes spread over the province — highland and
    coastal, urban and rural."""
    communes = list(
        unit_list_valid()
        .filter(path__startswith=province.path)
        .exclude(kind__in=(UnitKind.PROVINCE, UnitKind.CITY))
        .order_by("code")
    )
    if not communes:
        return []
    chosen = communes[:2]
    rural = [u for u in communes if not u.is_urban]
    urban = [u for u in communes[2:] if u.is_urban]
    step = max(1, len(rural) // 13)
    chosen += rural[::step][:13]
    chosen += [u for u in urban[:: max(1, len(urban) // 2)] if u not in chosen][:2]
    return chosen[:17]


def _evidence_image(rng: random.Random) -> bytes:
    """A small generated photo (coloured shapes): enough to show evidence files."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 320), tuple(rng.randint(150, 230) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randint(0, 400), rng.randint(0, 240)
        colour = tuple(rng.randint(20, 200) for _ in range(3))
        draw.rectangle((x, y, x + rng.randint(40, 120), y + rng.randint(30, 90)), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70)
    return buffer.getvalue()


def _participants(
    spec: Spec, unit: Unit, rng: random.Random
) -> tuple[int, int | None, int | None, str]:
    """(total, urban, rural, note): commune-level activities leave the split to the
    services (all in the unit's own area) except a few at wards with visitors from
    nearby communes; province-level ones are split by hand with a share unclassified."""
    total = spec.participants
    if not total:
        return 0, None, None, ""
    if spec.place == "province":
        urban = round(total * 0.45)
        rural = round(total * 0.4)
        return total, urban, rural, ""
    if unit.is_urban and rng.random() < 0.3:
        rural = max(1, round(total * 0.1))
        return total, total - rural, rural, "Có người dân các xã lân cận đến dự."
    return total, None, None, ""


def _activity_input(spec: Spec, unit: Unit, rng: random.Random, plans: dict) -> ActivityInput:
    law_names = [LAWS[key][0] for key in spec.laws]
    village = _village(unit, rng)
    fill = {"unit": unit.name, "unit_short": _unit_short(unit), "village": village}
    title = spec.title.format(law=law_names[0], **fill)
    where = spec.where.format(**fill) if spec.where else ""
    total, urban, rural, note = _participants(spec, unit, rng)
    url = ""
    if spec.mode != ActivityMode.OFFLINE:
        url = f"{DEMO_URL}{unit.code}-{spec.month:02d}{spec.day:02d}"
    plan = plans.get(unit.pk)
    laws_text = " và ".join(law_names)
    return ActivityInput(
        unit=unit.code,
        kind=spec.kind,
        title=title[:255],
        start_date=date(YEAR, spec.month, spec.day),
        mode=spec.mode,
        audiences=list(spec.audiences),
        plan=plan.pk if plan is not None else None,
        place=where,
        url=url,
        participants_total=total,
        participants_urban=urban,
        participants_rural=rural,
        participants_note=note,
        online_views=spec.views,
        legal_documents=", ".join(LAWS[key][1] for key in spec.laws),
        speakers=rng.choice(
            [
                "Báo cáo viên pháp luật của tỉnh",
                "Công chức Tư pháp - Hộ tịch",
                "Tuyên truyền viên pháp luật của thôn, tổ dân phố",
                "Trợ giúp viên pháp lý",
                "Cán bộ Công an và Tư pháp",
            ]
        ),
        description=(
            f"Giới thiệu những nội dung thiết thực của {laws_text} gắn với đời sống người "
            "dân địa phương; trao đổi, giải đáp các câu hỏi của người tham dự."
        ),
    )


def _plans_load(*, admin: Any, province: Unit, units: list[Unit]) -> tuple[dict, int]:
    """The 2026 plans (province and the first communes), created when missing; returns
    them by unit id and how many were created."""
    plans, created = {}, 0
    owners = [(province, "province")] + [(u, "commune") for u in units[:PLAN_COMMUNES]]
    for index, (unit, level) in enumerate(owners):
        plan = OutreachPlan.objects.filter(unit=unit, year=YEAR).first()
        if plan is None:
            plan = services.plan_create(
                actor=admin,
                data=PlanInput(
                    unit=unit.code,
                    year=YEAR,
                    title=f"Kế hoạch phổ biến, giáo dục pháp luật năm {YEAR} của {unit.name}",
                    note=(
                        "Tập trung phổ biến các luật mới có hiệu lực, ưu tiên người dân vùng "
                        "đồng bào dân tộc thiểu số, người lao động và học sinh; đẩy mạnh hình "
                        "thức trực tuyến."
                    ),
                ),
                targets=[
                    TargetInput(kind=kind, activity_kind=activity_kind, value=value)
                    for kind, activity_kind, value in PLAN_TARGETS[level]
                ],
            )
            created += 1
            if index <= APPROVED_COMMUNES:
                services.plan_approve(
                    actor=admin,
                    plan=plan,
                    decision_number=f"{12 + index * 7}/KH-UBND",
                    decision_date=date(YEAR, 1, 10 + index),
                )
        plans[unit.pk] = plan
    return plans, created


def outreach_demo_load(*, admin: Any, province: Unit, stdout: Any = None) -> dict[str, int]:
    """Load the outreach demo (idempotent); returns counts of what was created."""
    units = demo_units(province)
    if not units:
        raise RuntimeError("Chưa có xã, phường nào: chạy units_load trước.")
    today = timezone.localdate()
    counts = {"plans": 0, "activities": 0, "evidence": 0, "skipped_future": 0}
    with transaction.atomic():
        plans, counts["plans"] = _plans_load(admin=admin, province=province, units=units)
        for number, spec in enumerate([*SPECS, *LAW_DAY]):
            rng = random.Random(f"{SEED}-{number}")  # noqa: S311 (demo data, not secrets)
            unit = province if spec.place == "province" else units[spec.place % len(units)]
            data = _activity_input(spec, unit, rng, plans)
            if data.start_date > today:
                counts["skipped_future"] += 1
                continue
            if (
                Activity.objects.live()
                .filter(unit=unit, start_date=data.start_date, title=data.title)
                .exists()
            ):
                continue
            activity = services.activity_create(actor=admin, data=data)
            counts["activities"] += 1
            if rng.random() < 0.68:
                services.evidence_add(
                    actor=admin,
                    activity=activity,
                    file=_named(_evidence_image(rng), f"anh-hoat-dong-{number + 1}.jpg"),
                    caption="Ảnh hoạt động",
                )
                counts["evidence"] += 1
    if stdout is not None:
        stdout.write(
            f"  Hoạt động PBGDPL: {counts['plans']} kế hoạch, {counts['activities']} hoạt động, "
            f"{counts['evidence']} tệp minh chứng mới."
        )
        if counts["skipped_future"]:
            stdout.write(
                f"  ({counts['skipped_future']} hoạt động có ngày sau hôm nay chưa được nạp.)"
            )
    return counts


def _named(data: bytes, name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/jpeg")
