"""Invented Vietnamese names for demo data: Kinh names everywhere and, in the communes of
the highland west (Jrai and Bahnar place names), mostly Jrai or Bahnar names. Used by every
app's demo so the people in one demo look alike across apps; never real people."""

import random

# Invented names (họ, tên đệm, tên): Kinh and Jrai / Bahnar naming patterns of Gia Lai.
FAMILY_NAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Huỳnh", "Đặng", "Bùi", "Đỗ",
    "Ngô", "Dương", "Trương", "Lý", "Hồ", "Đinh", "Mai", "Vũ", "Tạ",
]  # fmt: skip
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Xuân", "Đình", "Ngọc"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Bảo", "Mỹ", "Hồng", "Thùy", "Phương"]
GIVEN_MALE = [
    "An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa",
    "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thành",
    "Thịnh", "Tiến", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Lộc",
]  # fmt: skip
GIVEN_FEMALE = [
    "Anh", "Châu", "Diệp", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hoa", "Hồng", "Huyền",
    "Hương", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngọc", "Nhung", "Oanh", "Phương",
    "Quỳnh", "Thảo", "Thơ", "Thủy", "Trang", "Trinh", "Uyên", "Yến",
]  # fmt: skip
JRAI_FAMILY = ["Rơ Mah", "Ksor", "Siu", "Rơ Châm", "Kpă", "Nay", "Rah Lan", "Puih", "Rơ Ô"]
JRAI_MALE = ["Blin", "Thuận", "Hyen", "Đoan", "Chuh", "Nhiên", "Thương", "Phơn", "Djuh", "Hlim"]
JRAI_FEMALE = ["H'Lan", "H'Nhi", "H'Mai", "H'Bia", "H'Yen", "H'Luyn", "H'Nơ", "H'Ding", "H'Nga"]
BAHNAR_MALE = ["Đinh Văn Hyun", "Đinh Văn Thoa", "Đinh Ró", "Đinh Hmưk", "Đinh Văn Blưh"]
BAHNAR_FEMALE = ["Đinh Thị Hlum", "Đinh Thị Yă", "Đinh Thị Bơm", "Đinh Thị H'Pơ"]
# First words of the communes' Jrai and Bahnar place names (the highland west).
HIGHLAND_WORDS = {
    "Ia", "Chư", "Kon", "Kông", "Đak", "Đăk", "Krong", "Kbang", "KDang", "Pờ", "Ayun", "Al",
    "Ya", "Uar", "Lơ", "Bờ", "Gào", "SRó", "Tơ", "Hra", "Chơ", "Mang", "Pleiku", "Biển",
}  # fmt: skip


def highland_unit(unit_name: str) -> bool:
    """Whether a commune's name ("Xã Ia Hrú", "Phường Pleiku") is a Jrai or Bahnar place
    name (the western, highland part of Gia Lai), where most people carry such names."""
    words = unit_name.split()[1:]
    return bool(words) and words[0] in HIGHLAND_WORDS


def demo_person_name(rng: random.Random, *, unit_name: str) -> str:
    """An invented full name for someone living in the unit called ``unit_name``; the same
    ``rng`` state always gives the same name."""
    female = rng.random() < 0.5
    kind = rng.random()
    jrai, bahnar = (0.45, 0.57) if highland_unit(unit_name) else (0.02, 0.03)
    if kind < jrai:
        return f"{rng.choice(JRAI_FAMILY)} {rng.choice(JRAI_FEMALE if female else JRAI_MALE)}"
    if kind < bahnar:
        return rng.choice(BAHNAR_FEMALE if female else BAHNAR_MALE)
    middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
    given = rng.choice([g for g in (GIVEN_FEMALE if female else GIVEN_MALE) if g != middle])
    return f"{rng.choice(FAMILY_NAMES)} {middle} {given}"
