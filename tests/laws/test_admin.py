"""The legal library back office over HTTP: list, edit, relations, the two-step upload,
who may get in, and what happens with bad files, bad metadata and stale uploads."""

import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from pbgdpl.laws import admin_views
from pbgdpl.laws.forms import MAX_UPLOAD_BYTES
from pbgdpl.laws.models import DocumentVersion, LegalDocument, Relation, RelationKind
from pbgdpl.laws.parsers import ParseError
from pbgdpl.people.models import Role
from tests.factories import LegalDocumentFactory, RoleAssignmentFactory, login_with_second_factor

pytestmark = pytest.mark.django_db

# Our own short, made-up law, laid out like an official text.
LAW_TEXT = """QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Luật số: 99/2024/QH15
Hà Nội, ngày 15 tháng 6 năm 2024

LUẬT
VƯỜN CÂY CỘNG ĐỒNG

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Vườn cây cộng đồng.

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định việc lập, chăm sóc và sử dụng vườn cây cộng đồng ở thôn, tổ dân phố.

Điều 2. Nguyên tắc
1. Người dân tham gia tự nguyện.
2. Vườn cây được dùng chung, trong đó:
a) không ai được rào riêng;
b) việc thu hái phải chia đều.

Chương II
TỔ CHĂM SÓC VƯỜN

Điều 3. Tổ chăm sóc vườn
Mỗi thôn có một tổ chăm sóc vườn do hội nghị thôn bầu.

Điều 4. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025.

Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 7
thông qua ngày 15 tháng 6 năm 2024.

CHỦ TỊCH QUỐC HỘI
Trần Văn Thử
"""

NUMBER = "99/2024/QH15"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

UPLOAD = "/admin/phap-luat/tai-len/"
REVIEW = "/admin/phap-luat/tai-len/xem-lai/"
CANCEL = "/admin/phap-luat/tai-len/huy/"
DOCUMENTS = "/admin/phap-luat/van-ban/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(province):
    return RoleAssignmentFactory(role=Role.EDITOR, unit=province).user


@pytest.fixture
def editor_client(client, editor):
    login_with_second_factor(client, editor)
    return client


def docx_bytes(text: str = LAW_TEXT) -> bytes:
    from docx import Document

    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload_file(name: str, data: bytes, content_type: str = "application/octet-stream"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)


def review_data(response, **overrides) -> dict:
    """The review form as the browser would send it, unchanged unless overridden."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form.initial.get(name, "")
        data[name] = value.isoformat() if isinstance(value, date) else (value or "")
    data.update(overrides)
    return data


def stored_uploads(settings) -> list:
    folder = settings.MEDIA_ROOT / admin_views.UPLOAD_DIR
    return sorted(folder.iterdir()) if folder.exists() else []


def upload_and_review(client, **post) -> object:
    response = client.post(UPLOAD, post)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == REVIEW
    review = client.get(REVIEW)
    assert review.status_code == 200
    return review


# --------------------------------------------------------------------------- the upload


def test_editor_uploads_pasted_text_reviews_and_saves(editor_client, settings):
    assert editor_client.get(UPLOAD).status_code == 200
    review = upload_and_review(editor_client, text=LAW_TEXT)
    html = review.content.decode()
    assert NUMBER in html
    assert "Chương I" in html and "Điều 2" in html and "Khoản 1" in html and "Điểm a" in html
    assert "Tổ chăm sóc vườn" in html
    assert "<details" in html  # the tree is collapsible
    assert len(stored_uploads(settings)) == 1

    response = editor_client.post(REVIEW, review_data(review, effective_on="2025-01-01"))
    document = LegalDocument.objects.get(number=NUMBER)
    assert response.status_code == 302
    assert response["Location"] == reverse("laws_admin:document_edit", args=[document.pk])
    assert document.origin == "upload"
    assert document.effective_on == date(2025, 1, 1)
    version = DocumentVersion.objects.get(document=document)
    assert version.provisions.filter(kind="dieu").count() == 4
    assert stored_uploads(settings) == []  # the kept upload is gone once saved
    assert admin_views.UPLOAD_SESSION_KEY not in editor_client.session

    page = editor_client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert "Đã lưu văn bản" in text
    assert document.eli in text  # the link to the public page
    assert f"{version.provisions.count()} điều khoản" in text
    listing = editor_client.get(DOCUMENTS)
    assert NUMBER in listing.content.decode()


def test_editor_uploads_a_docx(editor_client):
    review = upload_and_review(
        editor_client, file=upload_file("luat-vuon-cay.docx", docx_bytes(), DOCX_TYPE)
    )
    assert "luat-vuon-cay.docx" in review.content.decode()
    assert "Điều 3" in review.content.decode()
    response = editor_client.post(REVIEW, review_data(review))
    assert response.status_code == 302
    document = LegalDocument.objects.get(number=NUMBER)
    assert document.versions.get().provisions.filter(kind="dieu").count() == 4
    assert editor_client.get(response["Location"]).status_code == 200


def test_edited_metadata_wins_over_what_the_parser_read(editor_client):
    review = upload_and_review(editor_client, text=LAW_TEXT)
    editor_client.post(
        REVIEW,
        review_data(
            review, title="Luật Vườn cây cộng đồng (bản thử)", number="98/2024/qh15",
            issuer_name="Quốc hội", legal_fields="Môi trường; Nông nghiệp",
            issued_on="15/06/2024", effective_on="2025-01-01",
        ),
    )  # fmt: skip
    document = LegalDocument.objects.get()
    assert document.number == "98/2024/QH15"
    assert document.title == "Luật Vườn cây cộng đồng (bản thử)"
    assert document.issued_on == date(2024, 6, 15)
    assert sorted(document.fields.values_list("name", flat=True)) == ["Môi trường", "Nông nghiệp"]


def test_uploading_the_same_text_again_makes_no_new_version(editor_client):
    review = upload_and_review(editor_client, text=LAW_TEXT)
    editor_client.post(REVIEW, review_data(review))
    document = LegalDocument.objects.get()

    review = upload_and_review(editor_client, text=LAW_TEXT)
    assert "Đã có văn bản số" in review.content.decode()
    response = editor_client.post(REVIEW, review_data(review), follow=True)
    assert "không tạo phiên bản mới" in response.content.decode()
    assert LegalDocument.objects.count() == 1
    assert document.versions.count() == 1


def test_a_changed_text_with_the_same_number_is_a_new_version(editor_client):
    review = upload_and_review(editor_client, text=LAW_TEXT)
    editor_client.post(REVIEW, review_data(review))
    document = LegalDocument.objects.get()

    changed = LAW_TEXT.replace("do hội nghị thôn bầu", "do hội nghị thôn, tổ dân phố bầu")
    review = upload_and_review(editor_client, file=upload_file("moi.docx", docx_bytes(changed)))
    assert "phiên bản mới" in review.content.decode()
    editor_client.post(REVIEW, review_data(review))
    assert LegalDocument.objects.count() == 1
    assert document.versions.count() == 2
    assert document.versions.filter(is_current=True).count() == 1


def test_upload_for_a_given_document_versions_that_document(editor_client):
    document = LegalDocumentFactory(title="Văn bản chưa có toàn văn")
    page = editor_client.get(reverse("laws_admin:document_edit", args=[document.pk]))
    assert f"?van_ban={document.pk}" in page.content.decode()
    response = editor_client.post(UPLOAD, {"text": LAW_TEXT, "van_ban": document.pk})
    assert response.status_code == 302
    review = editor_client.get(REVIEW)
    assert "toàn văn mới cho văn bản" in review.content.decode()
    editor_client.post(REVIEW, review_data(review))
    assert LegalDocument.objects.count() == 1
    assert document.versions.count() == 1


def test_cancel_discards_the_upload(editor_client, settings):
    review = upload_and_review(editor_client, text=LAW_TEXT)
    data = review_data(review)
    response = editor_client.post(CANCEL)
    assert response.status_code == 302 and response["Location"] == UPLOAD
    assert stored_uploads(settings) == []
    response = editor_client.post(REVIEW, data, follow=True)
    assert "Không còn bản tải lên" in response.content.decode()
    assert not LegalDocument.objects.exists()


# --------------------------------------------------------------------------- bad input


BAD_FILES = [
    ("rong.txt", b"", "rỗng"),
    ("rong.docx", b"", "rỗng"),
    ("khoang-trang.txt", b"  \n\t \n", "không có nội dung"),
    ("gia.docx", LAW_TEXT.encode(), "không phải tệp Word (.docx)"),
    ("hong.docx", b"PK\x03\x04" + b"\x00\x17hong" * 200, "bị hỏng"),
    ("cu.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "tệp Word cũ (.doc)"),
    ("rac.txt", bytes(range(256)) * 40, "không phải văn bản UTF-8"),
    ("dieu-khien.txt", "Điều 1.\x00\x01\x02 nội dung".encode(), "ký tự điều khiển"),
    ("nen.txt", b"PK\x03\x04" + "tệp nén".encode(), "không phải văn bản thuần"),
    ("utf16.txt", "Điều 1. Phạm vi".encode("utf-16"), "không phải văn bản UTF-8"),
    ("latin1.txt", "Dieu 1. Pham vi, café".encode("latin-1"), "không phải văn bản UTF-8"),
    ("van-ban.pdf", b"%PDF-1.7 ...", "Chỉ nhận tệp Word (.docx) hoặc văn bản thuần (.txt)"),
    ("qua-lon.txt", b"a" * (MAX_UPLOAD_BYTES + 1), "quá lớn"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_with_a_clear_message(
    editor_client, settings, name, content, message
):
    response = editor_client.post(UPLOAD, {"file": upload_file(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert admin_views.UPLOAD_SESSION_KEY not in editor_client.session
    assert stored_uploads(settings) == []
    assert not LegalDocument.objects.exists()


def test_a_docx_without_word_content_is_refused(editor_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải Word")
    response = editor_client.post(UPLOAD, {"file": upload_file("zip.docx", buffer.getvalue())})
    assert "không có phần nội dung" in response.content.decode()


def test_a_docx_with_a_damaged_part_is_refused(editor_client):
    data = bytearray(docx_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start + 20 : start + 60] = b"\xff" * 40  # inside the compressed part
    response = editor_client.post(UPLOAD, {"file": upload_file("hong.docx", bytes(data))})
    assert response.status_code == 200
    assert "bị hỏng" in response.content.decode()


def test_nothing_or_both_is_refused(editor_client):
    assert "Hãy chọn một tệp" in editor_client.post(UPLOAD, {}).content.decode()
    response = editor_client.post(
        UPLOAD, {"text": LAW_TEXT, "file": upload_file("a.txt", LAW_TEXT.encode())}
    )
    assert "Chỉ chọn một trong hai" in response.content.decode()


def test_a_text_without_structure_comes_back_with_the_parser_message(editor_client, settings):
    response = editor_client.post(UPLOAD, {"text": "Thông báo nghỉ lễ\nCơ quan nghỉ ba ngày."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không đọc được cấu trúc văn bản" in html and "văn bản dán vào, dòng 1" in html
    assert stored_uploads(settings) == []
    # A DOCX that python-docx cannot read although its zip is sound.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<không phải xml")
    response = editor_client.post(UPLOAD, {"file": upload_file("la.docx", buffer.getvalue())})
    assert response.status_code == 200
    assert "la.docx" in response.content.decode()
    assert admin_views.UPLOAD_SESSION_KEY not in editor_client.session


def test_a_parse_error_comes_back_to_the_upload_form_with_its_position(editor_client, monkeypatch):
    def broken(text, source=""):
        raise ParseError(source, "dòng 12", "không đọc được số điều")

    monkeypatch.setattr(admin_views, "structure_parse_text", broken)
    response = editor_client.post(UPLOAD, {"text": LAW_TEXT})
    assert response.status_code == 200
    assert "văn bản dán vào, dòng 12: không đọc được số điều" in response.content.decode()
    assert admin_views.UPLOAD_SESSION_KEY not in editor_client.session


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"number": "không phải số"}, "không phải một số ký hiệu hợp lệ"),
        (
            {"issued_on": "2024-06-15", "effective_on": "2024-01-01"},
            "không thể trước ngày ban hành",
        ),
        ({"effective_on": "2025-01-01", "expires_on": "2024-12-31"}, "phải sau ngày có hiệu lực"),
        ({"issued_on": "31/02/2024"}, "Ngày không hợp lệ"),
        ({"title": "   "}, "Trích yếu văn bản không được để trống"),
        ({"source_url": "không phải địa chỉ"}, "Địa chỉ trang web không hợp lệ"),
    ],
)
def test_bad_metadata_is_shown_on_the_review_form_and_nothing_is_saved(
    editor_client, settings, overrides, message
):
    review = upload_and_review(editor_client, text=LAW_TEXT)
    response = editor_client.post(REVIEW, review_data(review, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LegalDocument.objects.exists()
    # The upload is still there: the editor corrects the form and saves.
    assert len(stored_uploads(settings)) == 1
    response = editor_client.post(REVIEW, review_data(review))
    assert response.status_code == 302
    assert LegalDocument.objects.count() == 1


def test_a_number_taken_by_another_document_on_review_versions_that_document(editor_client):
    other = LegalDocumentFactory(number="98/2024/QH15")
    review = upload_and_review(editor_client, text=LAW_TEXT)
    editor_client.post(REVIEW, review_data(review, number="98/2024/qh15"))
    assert LegalDocument.objects.count() == 1
    assert other.versions.count() == 1


def test_stale_uploads_save_nothing(editor_client, settings):
    # Nothing uploaded in this session.
    response = editor_client.post(REVIEW, {"upload_token": "x", "title": "X"})
    assert response.status_code == 302 and response["Location"] == UPLOAD
    assert editor_client.get(REVIEW).status_code == 302

    # A token from another (replaced) upload.
    first = upload_and_review(editor_client, text=LAW_TEXT)
    upload_and_review(editor_client, text=LAW_TEXT.replace("Trần Văn Thử", "Lê Thị Thử"))
    assert len(stored_uploads(settings)) == 1  # the first one was removed
    response = editor_client.post(REVIEW, review_data(first), follow=True)
    assert "Không còn bản tải lên" in response.content.decode()
    assert not LegalDocument.objects.exists()

    # The kept bytes were removed or changed on the server.
    review = upload_and_review(editor_client, text=LAW_TEXT)
    stored_uploads(settings)[0].write_bytes("Chương I\nĐiều 1. Khác".encode())
    response = editor_client.post(REVIEW, review_data(review), follow=True)
    assert "Không còn bản tải lên" in response.content.decode()
    review = upload_and_review(editor_client, text=LAW_TEXT)
    stored_uploads(settings)[0].unlink()
    assert editor_client.post(REVIEW, review_data(review))["Location"] == UPLOAD

    # Too old.
    review = upload_and_review(editor_client, text=LAW_TEXT)
    session = editor_client.session
    session[admin_views.UPLOAD_SESSION_KEY]["at"] -= admin_views.UPLOAD_MAX_AGE.total_seconds() + 1
    session.save()
    assert editor_client.post(REVIEW, review_data(review))["Location"] == UPLOAD
    assert stored_uploads(settings) == []
    assert not LegalDocument.objects.exists()


def test_leftover_uploads_are_swept(editor_client, settings):
    import os
    import time

    folder = settings.MEDIA_ROOT / admin_views.UPLOAD_DIR
    folder.mkdir(parents=True)
    old = folder / "bo-quen.upload"
    old.write_bytes(b"x")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    upload_and_review(editor_client, text=LAW_TEXT)
    assert not old.exists()
    assert len(stored_uploads(settings)) == 1


# --------------------------------------------------------------------------- who gets in


def assert_denied(response, url: str) -> None:
    """Wagtail answers a refused back-office request with a redirect: to the login page
    (no back-office access at all) or to the dashboard with "no permission" (a staff
    member without the right); a plain 403 is fine too."""
    assert response.status_code in (302, 403), url
    if response.status_code == 302:
        location = response["Location"]
        assert location == "/admin/" or location.startswith("/admin/login/"), (url, location)


def _commune_editor(commune_a):
    return RoleAssignmentFactory(role=Role.EDITOR, unit=commune_a).user


def _citizen(commune_a):
    return RoleAssignmentFactory(role=Role.CITIZEN, unit=commune_a).user


@pytest.mark.parametrize("who", ["commune_editor", "citizen", "anonymous"])
def test_others_reach_no_screen_and_save_nothing(client, commune_a, who):
    document = LegalDocumentFactory(number="13/2023/NĐ-CP", title="Giữ nguyên")
    other = LegalDocumentFactory(number="14/2012/QH13")
    if who != "anonymous":
        user = _commune_editor(commune_a) if who == "commune_editor" else _citizen(commune_a)
        login_with_second_factor(client, user)
    edit = reverse("laws_admin:document_edit", args=[document.pk])
    relation = reverse("laws_admin:relation_add", args=[document.pk])
    for url in (DOCUMENTS, DOCUMENTS + "ket-qua/", edit, UPLOAD, REVIEW):
        assert_denied(client.get(url), url)
    posts = [
        (UPLOAD, {"text": LAW_TEXT}),
        (REVIEW, {"upload_token": "x", "title": "Không được", "number": NUMBER}),
        (CANCEL, {}),
        (edit, {"title": "Không được"}),
        (relation, {"direction": "in", "other_number": "14/2012/QH13", "kind": "amends"}),
    ]
    for url, data in posts:
        assert_denied(client.post(url, data), url)
    document.refresh_from_db()
    assert document.title == "Giữ nguyên"
    assert LegalDocument.objects.count() == 2
    assert not Relation.objects.exists()
    assert not other.versions.exists()


def test_commune_editor_is_sent_back_to_the_dashboard(client, commune_a):
    login_with_second_factor(client, _commune_editor(commune_a))
    assert client.get("/admin/").status_code == 200  # the back office itself is open
    response = client.get(DOCUMENTS, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert client.post(UPLOAD, {"text": LAW_TEXT})["Location"] == "/admin/"
    assert admin_views.UPLOAD_SESSION_KEY not in client.session


def test_the_second_factor_is_required(client, editor):
    client.force_login(editor)  # password only
    response = client.get(UPLOAD)
    assert response.status_code == 302
    assert "/tai-khoan/xac-thuc-2-buoc/" in response["Location"]


def test_menu_is_shown_to_province_editors_only(client, province, commune_a, editor):
    login_with_second_factor(client, editor)
    home = client.get("/admin/").content.decode()
    assert DOCUMENTS in home and UPLOAD in home

    client.logout()
    login_with_second_factor(client, _commune_editor(commune_a))
    home = client.get("/admin/").content.decode()
    assert DOCUMENTS not in home and UPLOAD not in home

    client.logout()
    admin = RoleAssignmentFactory(role=Role.PROVINCE_ADMIN, unit=province).user
    login_with_second_factor(client, admin)
    assert DOCUMENTS in client.get("/admin/").content.decode()
    assert client.get(DOCUMENTS).status_code == 200


# --------------------------------------------------------------------------- list and edit


def test_list_searches_filters_and_paginates(editor_client):
    for n in range(55):
        LegalDocumentFactory(title=f"Quy định thử số {n}")
    LegalDocumentFactory(number="13/2023/NĐ-CP", title="Bảo vệ dữ liệu cá nhân", origin="phapdien")

    page = editor_client.get(DOCUMENTS)
    assert page.status_code == 200
    assert page.context["paginator"].count == 56
    assert len(page.context["object_list"]) == 50
    assert len(editor_client.get(DOCUMENTS, {"p": 2}).context["object_list"]) == 6

    for q in ("13/2023/ND-CP", "nđ-cp", "dữ liệu cá nhân"):
        found = editor_client.get(DOCUMENTS, {"q": q}).context["object_list"]
        assert [d.number for d in found] == ["13/2023/NĐ-CP"], q
    results = editor_client.get(DOCUMENTS + "ket-qua/", {"q": "13/2023"})
    assert results.status_code == 200 and "Bảo vệ dữ liệu cá nhân" in results.content.decode()

    by_origin = editor_client.get(DOCUMENTS, {"origin": "phapdien"}).context["object_list"]
    assert [d.number for d in by_origin] == ["13/2023/NĐ-CP"]
    review = upload_and_review(editor_client, text=LAW_TEXT)
    editor_client.post(REVIEW, review_data(review, type_name="Luật"))
    law = LegalDocument.objects.get(number=NUMBER)
    by_type = editor_client.get(DOCUMENTS, {"doc_type": law.doc_type_id}).context["object_list"]
    assert [d.pk for d in by_type] == [law.pk]


def test_edit_saves_through_the_service(editor_client, editor):
    from pbgdpl.core.models import AuditEvent

    document = LegalDocumentFactory(number="13/2023/NĐ-CP", title="Tên cũ")
    url = reverse("laws_admin:document_edit", args=[document.pk])
    page = editor_client.get(url)
    assert page.status_code == 200 and "Tên cũ" in page.content.decode()
    data = {
        "title": "Bảo vệ dữ liệu cá nhân", "number": "13/2023/nd-cp", "type_name": "Nghị định",
        "issuer_name": "Chính phủ", "signer": "Người Ký Thử", "issued_on": "2023-04-17",
        "effective_on": "2023-07-01", "expires_on": "", "source_url": "https://vbpl.vn/thu",
        "legal_fields": "Công nghệ thông tin; Dân sự",
    }  # fmt: skip
    response = editor_client.post(url, data)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Bảo vệ dữ liệu cá nhân"
    assert document.doc_type.name == "Nghị định" and document.issuer.name == "Chính phủ"
    assert document.effective_on == date(2023, 7, 1)
    assert document.fields.count() == 2
    assert AuditEvent.objects.filter(action="laws.document.update").count() == 1
    assert "Đã lưu văn bản" in editor_client.get(url).content.decode()

    # Unchanged form: nothing to save, no audit row.
    editor_client.post(url, data)
    assert AuditEvent.objects.filter(action="laws.document.update").count() == 1


def test_edit_refuses_bad_input(editor_client):
    LegalDocumentFactory(number="14/2012/QH13")
    document = LegalDocumentFactory(number="13/2023/NĐ-CP", title="Giữ nguyên")
    url = reverse("laws_admin:document_edit", args=[document.pk])
    base = {"title": "Tên mới", "number": "13/2023/NĐ-CP"}
    for overrides, message in (
        ({"number": "14/2012/qh13"}, "Đã có văn bản số 14/2012/QH13"),
        ({"number": "abc"}, "không phải một số ký hiệu hợp lệ"),
        ({"effective_on": "2023-07-01", "expires_on": "2023-07-01"}, "phải sau ngày có hiệu lực"),
    ):
        response = editor_client.post(url, {**base, **overrides})
        assert response.status_code == 200
        assert message in response.content.decode()
    document.refresh_from_db()
    assert document.title == "Giữ nguyên"


def test_add_relation(editor_client):
    old = LegalDocumentFactory(number="52/2013/NĐ-CP", title="Văn bản cũ")
    new = LegalDocumentFactory(number="13/2023/NĐ-CP", title="Văn bản mới")
    url = reverse("laws_admin:relation_add", args=[old.pk])
    response = editor_client.post(url, {
        "direction": "in", "other_number": "13/2023/ND-CP", "kind": RelationKind.REPLACES,
        "effective_on": "2023-07-01", "note": "Thay thế toàn bộ",
    })  # fmt: skip
    assert response.status_code == 302
    relation = Relation.objects.get()
    assert (relation.source, relation.target, relation.kind) == (new, old, "replaces")
    assert relation.effective_on == date(2023, 7, 1)
    page = editor_client.get(reverse("laws_admin:document_edit", args=[old.pk])).content.decode()
    assert "Đã thêm quan hệ" in page and "Văn bản mới" in page and "Thay thế" in page

    # This document acting on another one.
    response = editor_client.post(
        reverse("laws_admin:relation_add", args=[new.pk]),
        {"direction": "out", "other_number": "52/2013/NĐ-CP", "kind": RelationKind.GUIDES},
    )
    assert response.status_code == 302
    assert Relation.objects.filter(source=new, target=old, kind="guides").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"other_number": "99/2099/NĐ-CP"}, "Chưa có văn bản số 99/2099/NĐ-CP"),
        ({"other_number": "52/2013/nđ-cp"}, "không thể tác động đến chính nó"),
        ({"other_number": "không có số"}, "không phải một số ký hiệu hợp lệ"),
        ({"kind": "xoa-het"}, "Loại quan hệ không hợp lệ"),
        ({"target_eid": "Điều 5"}, "eId chỉ gồm chữ thường"),
    ],
)
def test_add_relation_refuses_bad_input(editor_client, data, message):
    old = LegalDocumentFactory(number="52/2013/NĐ-CP")
    LegalDocumentFactory(number="13/2023/NĐ-CP")
    form = {"direction": "in", "other_number": "13/2023/NĐ-CP", "kind": "amends", **data}
    response = editor_client.post(reverse("laws_admin:relation_add", args=[old.pk]), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Relation.objects.exists()


def test_relation_eids_must_exist_in_a_document_with_text(editor_client):
    review = upload_and_review(editor_client, text=LAW_TEXT)
    editor_client.post(REVIEW, review_data(review))
    law = LegalDocument.objects.get(number=NUMBER)
    amending = LegalDocumentFactory(number="100/2025/QH15")
    eid = law.provisions.filter(kind="dieu", number="3").values_list("eid", flat=True).get()
    url = reverse("laws_admin:relation_add", args=[law.pk])
    form = {"direction": "in", "other_number": "100/2025/QH15", "kind": "amends"}
    response = editor_client.post(url, {**form, "target_eid": "dieu_99"})
    assert "không có điều khoản “dieu_99”" in response.content.decode()
    assert editor_client.post(url, {**form, "target_eid": eid}).status_code == 302
    assert Relation.objects.get().target_eid == eid
    assert Relation.objects.get().source == amending


# --------------------------------------------------------------------------- in a browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_upload_review_and_save_in_a_browser(browser, live_server, editor, settings):
    """The screens in Chromium: upload, the review page (screenshot it with
    BROWSER_SCREENSHOTS=/tmp/shots), the collapsible tree, save, the document screen."""
    from django.test import Client

    from tests.browser import goto, new_page, screenshot

    client = Client()
    login_with_second_factor(client, editor)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    with new_page(browser, width=1280, height=900) as page:
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        goto(page, live_server.url + UPLOAD)
        screenshot(page, "laws-admin-upload")
        page.fill("textarea[name=text]", LAW_TEXT)
        page.get_by_role("button", name="Đọc văn bản").click()
        page.wait_for_url("**/tai-len/xem-lai/")
        assert page.input_value("input[name=number]") == NUMBER
        article = page.locator("li.laws-tree__kind-dieu > details", has_text="Nguyên tắc")
        assert article.count() == 1
        assert article.evaluate("el => el.open")  # a short text starts unfolded
        clause = page.get_by_text("Người dân tham gia tự nguyện.")
        assert clause.is_visible()
        article.locator(":scope > summary").click()
        assert not article.evaluate("el => el.open") and not clause.is_visible()
        article.locator(":scope > summary").click()
        assert clause.is_visible()
        page.set_viewport_size({"width": 1280, "height": 2400})  # the admin scrolls inside
        screenshot(page, "laws-admin-review")
        page.set_viewport_size({"width": 1280, "height": 900})
        page.get_by_role("button", name="Lưu", exact=True).click()
        page.wait_for_url("**/phap-luat/van-ban/*/")
        assert page.get_by_text("Đã lưu văn bản").first.is_visible()
        page.set_viewport_size({"width": 1280, "height": 2400})
        screenshot(page, "laws-admin-document")
        goto(page, live_server.url + DOCUMENTS + "?q=99%2F2024")
        assert page.get_by_role("link", name=NUMBER).count() == 1
        screenshot(page, "laws-admin-documents")
        assert errors == []
        assert page.csp_violations == []
    assert LegalDocument.objects.filter(number=NUMBER).exists()
