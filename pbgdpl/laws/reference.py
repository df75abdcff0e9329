"""Reference tables for legal documents: types (with legal rank) and issuing bodies.

Loaded into the DocumentType/IssuingBody tables on demand (they are data, editable in the
back office); these tables only seed names, codes and ranks. Ranks follow the order of
legal force in Luật Ban hành văn bản quy phạm pháp luật 2025 (64/2025/QH15), Điều 4.
"""

# name, slug, abbreviation used in số ký hiệu, rank
DOCUMENT_TYPES = (
    ("Hiến pháp", "hien-phap", "", 1),
    ("Bộ luật", "bo-luat", "", 2),
    ("Luật", "luat", "L", 2),
    ("Nghị quyết", "nghi-quyet", "NQ", 3),
    ("Pháp lệnh", "phap-lenh", "PL", 4),
    ("Lệnh", "lenh", "L", 5),
    ("Nghị quyết liên tịch", "nghi-quyet-lien-tich", "NQLT", 5),
    ("Nghị định", "nghi-dinh", "NĐ", 6),
    ("Quyết định", "quyet-dinh", "QĐ", 7),
    ("Thông tư", "thong-tu", "TT", 8),
    ("Thông tư liên tịch", "thong-tu-lien-tich", "TTLT", 8),
    ("Chỉ thị", "chi-thi", "CT", 9),
    ("Văn bản hợp nhất", "van-ban-hop-nhat", "VBHN", 10),
    ("Văn bản khác", "van-ban-khac", "", 20),
)

# The type a number's first code stands for, when a citation does not name it.
TYPE_BY_CODE = {
    "NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch", "QĐ": "Quyết định", "PL": "Pháp lệnh", "CT": "Chỉ thị",
    "L": "Luật", "VBHN": "Văn bản hợp nhất",
}  # fmt: skip

# Issuer code in a số ký hiệu -> name.
ISSUERS = {
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "BTP": "Bộ Tư pháp",
    "BCA": "Bộ Công an",
    "BTC": "Bộ Tài chính",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BYT": "Bộ Y tế",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BCT": "Bộ Công Thương",
    "BQP": "Bộ Quốc phòng",
    "BNV": "Bộ Nội vụ",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BNG": "Bộ Ngoại giao",
    "UBDT": "Ủy ban Dân tộc",
    "TTCP": "Thanh tra Chính phủ",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "BHXH": "Bảo hiểm xã hội Việt Nam",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "KTNN": "Kiểm toán nhà nước",
    "HĐTP": "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
}
