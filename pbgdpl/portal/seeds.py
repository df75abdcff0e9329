"""Reference data the portal starts with: audiences (đối tượng) and content locales.

Used by the data migration (with historical models) and by
``services.portal_site_tree_ensure`` (which repairs a database emptied by a flush).
"""

AUDIENCES = [
    ("nong-dan", "Nông dân", "Bà con làm nông, lâm, ngư nghiệp"),
    (
        "cong-nhan",
        "Công nhân, người lao động",
        "Người làm công ăn lương, công nhân khu công nghiệp",
    ),
    ("hoc-sinh-sinh-vien", "Học sinh, sinh viên", ""),
    ("dong-bao-dan-toc-thieu-so", "Đồng bào dân tộc thiểu số", "Jrai, Bahnar và các dân tộc khác"),
    ("doanh-nghiep", "Doanh nghiệp, hộ kinh doanh", ""),
    ("nguoi-cao-tuoi", "Người cao tuổi", ""),
    ("nguoi-khuyet-tat", "Người khuyết tật", ""),
    ("phu-nu", "Phụ nữ", ""),
    ("tre-em", "Trẻ em và cha mẹ", ""),
    ("can-bo-cong-chuc", "Cán bộ, công chức", ""),
    ("nguoi-dan", "Mọi người dân", ""),
]


def audiences_seed(audience_model) -> int:
    """Create the missing audiences; returns how many were created."""
    have = set(audience_model.objects.values_list("code", flat=True))
    missing = [
        audience_model(code=code, name=name, description=description, sort_order=order)
        for order, (code, name, description) in enumerate(AUDIENCES)
        if code not in have
    ]
    audience_model.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)
