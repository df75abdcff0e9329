"""The importers: idempotent, one transaction per document, clear errors, nothing half-stored."""

import json
import re
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pbgdpl.laws.models import LegalDocument, PhapDienArticle, PhapDienSubject, Provision
from pbgdpl.laws.services import LawsImportError, document_import_alqac, document_import_phapdien

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# Pages in the markup of the official Bộ pháp điển HTML, with our own short texts.
PAGE_A = """\ufeff<link href='../lib/css/style.css' rel='stylesheet' type='text/css' />
<h3 style='text-transform: uppercase; text-align: center; font-weight: bold'>
    Đề mục 37.1
    <br />
    Hòa giải ở cơ sở
</h3>
<div class='_content'><p class='pChuong'><a name='37001000000000001000'></a>Chương I</p><p class='pChuong'>QUY ĐỊNH CHUNG</p><p class='pDieu'><a name='3700100000000000100000100000000000000000'></a>Điều 37.1.LQ.1. Phạm vi điều chỉnh</p><p class='pGhiChu'><a href='http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=27615#Chuong_I_Dieu_1' target='_blank'>(Điều 1 Luật số 35/2013/QH13 Hòa giải ở cơ sở ngày 20/06/2013 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2014)</a></p><p class='pNoiDung'><p>Đoạn thử nghiệm về phạm vi điều chỉnh của việc hòa giải ở thôn, tổ dân phố.</p></p><p class='pDieu'><a name='3700100000000000100000200000000000000000'></a>Điều 37.1.LQ.2. Hòa giải viên</p><p class='pGhiChu'><a href='http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=27615#Chuong_I_Dieu_2' target='_blank'>(Điều 2 Luật số 35/2013/QH13, có hiệu lực thi hành kể từ ngày 01/01/2014)</a></p><p class='pNoiDung'><p>1. Hòa giải viên là người được công nhận để thực hiện hòa giải.</p><p>2. Tổ hòa giải là tổ chức tự quản của nhân dân.</p></p><p class='pChiDan'>(Điều này có nội dung liên quan đến Điều 37.1.LQ.1)</p></div>"""  # noqa: E501

PAGE_B = (
    PAGE_A.replace("37.1", "37.2")
    .replace("Hòa giải ở cơ sở\n", "Hòa giải thương mại\n")
    .replace(
        "Điều 1 Luật số 35/2013/QH13 Hòa giải ở cơ sở ngày 20/06/2013 của Quốc hội",
        "Điều 3 Luật số 35/2013/QH13",
    )
)
BROKEN = PAGE_A.replace("Điều 37.1.LQ.2. Hòa giải viên", "Đề 37.1.LQ.2 hỏng")


def _folder(tmp_path, pages: dict[str, str]) -> Path:
    folder = tmp_path / "demuc"
    folder.mkdir()
    for name, html in pages.items():
        (folder / name).write_text(html, encoding="utf-8")
    return folder


def test_phapdien_folder_import_links_sources_and_is_idempotent(tmp_path):
    folder = _folder(tmp_path, {"a.html": PAGE_A, "b.html": PAGE_B})
    report = document_import_phapdien(path=folder)
    assert (report.pages, report.articles, report.errors) == (2, 4, [])
    assert report.source_documents_created == 1
    source = LegalDocument.objects.get(number="35/2013/QH13")
    assert source.origin == "phapdien"
    assert source.effective_on.isoformat() == "2014-01-01"
    assert source.issued_on.isoformat() == "2013-06-20"
    article = PhapDienArticle.objects.get(subject__number="37.1", code="37.1.LQ.2")
    assert article.source_document == source and article.source_article == "2"
    assert article.anchor == "dieu-37-1-lq-2"
    assert "Tổ hòa giải" in article.body
    assert article.subject.topic.name == "Tố tụng và các phương thức giải quyết tranh chấp"
    counts = (
        LegalDocument.objects.count(),
        PhapDienArticle.objects.count(),
        PhapDienSubject.objects.count(),
    )
    again = document_import_phapdien(path=folder)
    assert again.pages_unchanged == 2 and again.source_documents_created == 0
    assert counts == (
        LegalDocument.objects.count(),
        PhapDienArticle.objects.count(),
        PhapDienSubject.objects.count(),
    )


def test_phapdien_tar_import(tmp_path):
    archive = tmp_path / "demuc.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        for name, html in {"demuc/a.html": PAGE_A, "demuc/b.html": PAGE_B}.items():
            data = html.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, BytesIO(data))
    assert document_import_phapdien(path=archive).articles == 4


def test_a_broken_page_is_reported_and_stores_nothing(tmp_path):
    folder = _folder(tmp_path, {"a.html": PAGE_B, "broken.html": BROKEN})
    report = document_import_phapdien(path=folder)
    assert report.pages == 1
    assert len(report.errors) == 1 and "broken.html" in report.errors[0]
    assert not PhapDienSubject.objects.filter(number="37.1").exists()
    with pytest.raises(CommandError, match="1 trang"):
        call_command("laws_import", str(folder), "--format", "phapdien", "--no-progress")


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(LawsImportError):
        document_import_phapdien(path=tmp_path / "nothing-here")
    with pytest.raises(CommandError):
        call_command("laws_import", str(tmp_path / "x.json"), "--format", "alqac")


LAWS = [
    {"id": "Luật Thử nghiệm", "articles": [
        {"id": "1", "text": "Phạm vi điều chỉnh\n\nLuật này quy định việc thử nghiệm."},
        {"id": "2", "text": "Giải thích từ ngữ\n\n1. Người thử là người làm thử.\n2. Việc thử gồm:\na) thử nhỏ;\nb) thử lớn."},  # noqa: E501
    ]},
    {"id": "Bộ luật Thử", "articles": [{"id": "5a", "text": "Điều khoản bổ sung\n\nNội dung bổ sung."}]},  # noqa: E501
]  # fmt: skip


def test_alqac_import_keeps_article_numbers_and_is_idempotent(tmp_path):
    path = tmp_path / "law.json"
    path.write_text(json.dumps(LAWS, ensure_ascii=False))
    report = document_import_alqac(path=path)
    assert (report.documents_created, report.articles) == (2, 3)
    law = LegalDocument.objects.get(title="Luật Thử nghiệm")
    assert law.doc_type.name == "Luật"
    assert LegalDocument.objects.get(title="Bộ luật Thử").doc_type.name == "Bộ luật"
    numbers = list(
        Provision.objects.filter(document=law, kind="dieu").values_list("number", flat=True)
    )
    assert numbers == ["1", "2"]
    assert Provision.objects.filter(document=law, eid="dieu_2__khoan_2__diem_b").exists()
    rows = Provision.objects.count()
    again = document_import_alqac(path=path)
    assert (again.documents_created, again.documents_unchanged) == (0, 2)
    assert Provision.objects.count() == rows


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "JSON"),
        ('{"id": "x"}', "danh sách"),
        ('[{"articles": []}]', "luật thứ 1"),
        (
            '[{"id": "Luật A", "articles": [{"id": "1", "text": "a"}]}, {"id": "Luật B", "articles": [{"id": "1"}]}]',  # noqa: E501
            "luật thứ 2 (Luật B), điều thứ 1",
        ),
    ],
)
def test_alqac_bad_input_names_the_position_and_stores_nothing_of_that_law(
    tmp_path, content, message
):
    path = tmp_path / "law.json"
    path.write_text(content)
    with pytest.raises(LawsImportError, match=re.escape(message)):
        document_import_alqac(path=path)
    assert not LegalDocument.objects.filter(title="Luật B").exists()


@pytest.mark.skipif(not (DATA / "alqac2024" / "law.json").exists(), reason="ALQAC data absent")
def test_real_alqac_corpus_imports():
    report = document_import_alqac(path=DATA / "alqac2024" / "law.json")
    assert (report.documents_created, report.articles) == (17, 2249)
    assert Provision.objects.filter(kind="dieu").count() == 2249


def test_phapdien_import_publishes_articles_to_the_exchange_once(tmp_path, client):
    from pbgdpl.exchange.canonical import content_hash
    from pbgdpl.exchange.models import SharedItem

    folder = _folder(tmp_path, {"a.html": PAGE_A, "b.html": PAGE_B})
    document_import_phapdien(path=folder)
    items = SharedItem.objects.filter(type="laws.phapdien_article", peer__isnull=True)
    assert items.count() == 4 and not items.filter(deleted=True).exists()
    item = items.get(data__code="37.1.LQ.2")
    assert item.data["source"]["document_number"] == "35/2013/QH13"
    assert item.hash == content_hash(item.data) and item.version == 1
    # The source document is shared too.
    assert SharedItem.objects.filter(type="laws.document", data__number="35/2013/QH13").exists()
    body = client.get("/api/v1/exchange/changes", {"types": "laws.phapdien_article"}).json()
    assert len(body["items"]) == 4
    # Importing the same pages again publishes nothing new.
    document_import_phapdien(path=folder)
    assert list(items.values_list("version", flat=True).distinct()) == [1]
