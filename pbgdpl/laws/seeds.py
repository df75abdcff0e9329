"""Reference data the legal library starts with: the common legal fields (lĩnh vực).

Used by the data migration (with historical models) and by the portal's site-tree repair.
"""

from django.utils.text import slugify

FIELDS = [
    "An ninh trật tự",
    "Bảo hiểm",
    "Bình đẳng giới",
    "Bộ máy hành chính",
    "Dân sự",
    "Doanh nghiệp",
    "Đất đai",
    "Đầu tư",
    "Giáo dục",
    "Giao thông vận tải",
    "Hình sự",
    "Hôn nhân và gia đình",
    "Hộ tịch",
    "Khiếu nại, tố cáo",
    "Lao động",
    "Môi trường",
    "Nông nghiệp",
    "Phòng, chống bạo lực gia đình",
    "Phòng, chống ma túy",
    "Phòng, chống tham nhũng",
    "Quyền trẻ em",
    "Tài nguyên",
    "Thuế",
    "Thương mại",
    "Tín ngưỡng, tôn giáo",
    "Trợ giúp pháp lý",
    "Tư pháp",
    "Văn hóa, xã hội",
    "Xây dựng",
    "Y tế",
    "Bảo vệ dữ liệu cá nhân",
    "Quốc phòng",
    "Dân tộc",
]


def legal_fields_seed(field_model) -> int:
    """Create the missing common legal fields (code as ``services.legal_field_for`` makes
    it); returns how many were created."""
    from pbgdpl.core.text import fold, normalize

    have = set(field_model.objects.values_list("code", flat=True))
    missing = []
    for name in FIELDS:
        clean = normalize(name)
        code = slugify(fold(clean))[:80]
        if code not in have:
            missing.append(field_model(code=code, name=clean))
    field_model.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)
