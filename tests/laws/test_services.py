"""Documents, versions, relations and permissions through the laws services."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from pbgdpl.laws.models import DocumentVersion, LegalDocument, Provision, Relation
from pbgdpl.laws.parsers import structure_parse_text
from pbgdpl.laws.selectors import document_status
from pbgdpl.laws.services import (
    document_create,
    document_text_save,
    document_update,
    document_upload_save,
    relation_add,
)
from pbgdpl.search.models import SearchChange
from tests.factories import LegalDocumentFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

SMALL_LAW = """LUẬT
THỬ NGHIỆM VỀ HÒA GIẢI

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định việc hòa giải các mâu thuẫn nhỏ trong cộng đồng.

Điều 2. Nguyên tắc
1. Tôn trọng sự tự nguyện của các bên.
2. Không ép buộc, trong đó:
a) không đe dọa;
b) không hứa hẹn lợi ích.

Chương II
TỔ HÒA GIẢI

Điều 3. Tổ hòa giải
Mỗi thôn có một tổ hòa giải.
"""


def test_create_normalises_the_number_and_refuses_a_duplicate():
    doc = document_create(
        title="Phổ biến, giáo dục pháp luật",
        number="14 /2012/qh13",
        origin="manual",
        type_name="luật",
        issued_on=date(2012, 6, 20),
        effective_on=date(2013, 1, 1),
    )
    assert doc.number == "14/2012/QH13"
    assert doc.doc_type.name == "Luật"
    assert doc.issuer.name == "Quốc hội"
    assert doc.eli == "luat/2012/14-2012-qh13"
    with pytest.raises(ValueError, match="Đã có văn bản số 14/2012/QH13"):
        document_create(title="Bản khác", number="14/2012/QH13", origin="manual")
    with pytest.raises(ValueError):
        document_create(title="", origin="manual")
    with pytest.raises(ValueError, match="hiệu lực"):
        document_create(
            title="X", origin="manual", issued_on=date(2020, 2, 1), effective_on=date(2020, 1, 1)
        )
    assert LegalDocument.objects.count() == 1


def test_text_save_is_idempotent_and_versions_the_text():
    doc = LegalDocumentFactory()
    parsed = structure_parse_text(SMALL_LAW)
    version, changed = document_text_save(document=doc, nodes=parsed.provisions)
    assert changed
    eids = list(version.provisions.values_list("eid", flat=True))
    assert "chuong_1__dieu_2__khoan_2__diem_b" in eids
    anchors = set(version.provisions.values_list("anchor", flat=True))
    assert "dieu-2-khoan-2-diem-b" in anchors
    logged = SearchChange.objects.count()
    again, changed = document_text_save(
        document=doc, nodes=structure_parse_text(SMALL_LAW).provisions
    )
    assert (again.pk, changed) == (version.pk, False)
    assert SearchChange.objects.count() == logged
    edited = structure_parse_text(SMALL_LAW.replace("Mỗi thôn", "Mỗi thôn, tổ dân phố"))
    new, changed = document_text_save(
        document=doc, nodes=edited.provisions, valid_from=date(2024, 1, 1)
    )
    assert changed and new.pk != version.pk
    assert DocumentVersion.objects.filter(document=doc, is_current=True).get() == new
    assert Provision.objects.filter(version=version).exists()  # the old text is kept
    deleted = SearchChange.objects.filter(op="delete", type="laws.provision").values_list(
        "object_id", flat=True
    )
    assert set(deleted) == {
        str(p) for p in version.provisions.filter(kind="dieu").values_list("pk", flat=True)
    }


def test_status_follows_relations():
    old = LegalDocumentFactory(effective_on=date(2010, 1, 1))
    new = LegalDocumentFactory(effective_on=date(2025, 7, 1))
    assert document_status(old, on=date(2025, 7, 1)).code == "con_hieu_luc"
    relation_add(source=new, target=old, kind="replaces")
    assert document_status(old, on=date(2025, 6, 30)).code == "con_hieu_luc"
    assert document_status(old, on=date(2025, 7, 1)).code == "het_hieu_luc"
    relation_add(source=new, target=old, kind="replaces")  # idempotent
    assert Relation.objects.count() == 1
    with pytest.raises(ValueError):
        relation_add(source=old, target=old, kind="amends")
    with pytest.raises(ValueError):
        relation_add(source=new, target=old, kind="nonsense")


def test_editing_needs_a_province_level_editor(province, commune_a):
    doc = LegalDocumentFactory()
    province_editor = RoleAssignmentFactory(role="editor", unit=province).user
    commune_editor = RoleAssignmentFactory(role="editor", unit=commune_a).user
    citizen = RoleAssignmentFactory(role="citizen", unit=commune_a).user
    document_update(document=doc, user=province_editor, title="Tên mới")
    doc.refresh_from_db()
    assert doc.title == "Tên mới"
    for user in (commune_editor, citizen, UserFactory()):
        with pytest.raises(PermissionDenied):
            document_update(document=doc, user=user, title="Không được")
        with pytest.raises(PermissionDenied):
            document_upload_save(user=user, parsed=structure_parse_text(SMALL_LAW), title="X")
    doc.refresh_from_db()
    assert doc.title == "Tên mới"


def test_update_rejects_bad_input_and_keeps_the_document(province):
    editor = RoleAssignmentFactory(role="editor", unit=province).user
    doc = LegalDocumentFactory(title="Giữ nguyên")
    with pytest.raises(ValueError):
        document_update(document=doc, user=editor, colour="red")
    with pytest.raises(ValueError):
        document_update(document=doc, user=editor, number="không phải số")
    with pytest.raises(ValueError):
        document_update(
            document=doc, user=editor, effective_on=date(2020, 1, 1), expires_on=date(2019, 1, 1)
        )
    doc.refresh_from_db()
    assert doc.title == "Giữ nguyên"


def test_upload_creates_then_versions_by_number(province):
    editor = RoleAssignmentFactory(role="editor", unit=province).user
    parsed = structure_parse_text(SMALL_LAW)
    doc, changed = document_upload_save(
        user=editor, parsed=parsed, title="Luật thử nghiệm", number="99/2024/QH15", type_name="Luật"
    )
    assert changed and doc.origin == "upload"
    again, changed = document_upload_save(user=editor, parsed=parsed, number="99/2024/qh15")
    assert again.pk == doc.pk and not changed
