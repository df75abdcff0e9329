"""The structure of legal texts (pbgdpl.laws.parsers.structure): pure functions."""

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbgdpl.laws.parsers import (
    KINDS,
    ParseError,
    iter_nodes,
    structure_parse_article,
    structure_parse_docx,
    structure_parse_text,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ALQAC = DATA / "alqac2024" / "law.json"

# A small law written for these tests (not a real one).
LAW = """\
QUỐC HỘI
--------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Luật số: 99/2030/QH16
Hà Nội, ngày 15 tháng 7 năm 2030

LUẬT
VƯỜN CÂY ĐÔ THỊ

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Vườn cây đô thị.

Phần thứ nhất
QUY ĐỊNH CHUNG

Chương I
PHẠM VI VÀ ĐỐI TƯỢNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định về việc trồng, chăm sóc cây xanh trong đô thị.

Điều 2. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau:
1. Cây xanh đô thị là cây trồng ở nơi công cộng.
2. Vườn cây là khu đất có từ mười cây trở lên, gồm:
a) Vườn cây công cộng;
b) Vườn cây trong trường học;
c) Vườn cây khác.
3. Chủ vườn là người quản lý vườn cây.

Chương II: QUẢN LÝ VƯỜN CÂY

Mục 1
TRỒNG CÂY

Tiểu mục 1. CÂY BÓNG MÁT

Điều 3. Trồng cây mới
1. Việc trồng cây phải theo quy hoạch.
Quy hoạch do Ủy ban nhân dân cấp tỉnh phê duyệt.
2. Cấm trồng cây độc hại.

Mục 2. CHĂM SÓC CÂY

Điều 4: Chăm sóc định kỳ
1. Chủ vườn chăm sóc cây ít nhất mỗi quý một lần.
2. Chương trình chăm sóc do chủ vườn lập.
Mục tiêu của chương trình là giữ cây khỏe.

Điều 4a. Chặt hạ cây
Việc chặt hạ cây phải được cho phép, trừ các trường hợp sau đây:
a) Cây đổ do thiên tai;
đ) Cây chết.

PHẦN THỨ HAI
ĐIỀU KHOẢN THI HÀNH

CHƯƠNG III
HIỆU LỰC

Điều 5. Sửa đổi Luật khác
1. Điều 10 của Luật Cây cảnh được sửa đổi như sau:
“Điều 10. Trách nhiệm
1. Câu trích dẫn một.
2. Câu trích dẫn hai.”
2. Bãi bỏ Điều 11 của Luật Cây cảnh.

Điều 6. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2031.

Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XVI, kỳ họp thứ 2 \
thông qua ngày 15 tháng 7 năm 2030.
CHỦ TỊCH QUỐC HỘI
(Đã ký)
Trần Văn Mẫu
"""


@pytest.fixture(scope="module")
def law():
    return structure_parse_text(LAW, source="vuon-cay.txt")


def test_header_facts(law):
    assert law.document_type == "Luật"
    assert law.title == "VƯỜN CÂY ĐÔ THỊ"
    assert law.number == "99/2030/QH16"
    assert law.issuer == "QUỐC HỘI"
    assert law.issued_on == date(2030, 7, 15)
    assert law.signer == "Trần Văn Mẫu"
    assert law.preamble == (
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Quốc hội ban hành Luật Vườn cây đô thị."
    )
    assert law.closing.startswith("Luật này đã được Quốc hội")
    assert law.closing.endswith("Trần Văn Mẫu")


def test_tree_shape(law):
    shape = [(n.kind, n.number, n.heading) for n in law.provisions]
    assert shape == [
        ("phan", "thứ nhất", "QUY ĐỊNH CHUNG"),
        ("phan", "THỨ HAI", "ĐIỀU KHOẢN THI HÀNH"),
    ]
    nodes = list(iter_nodes(law.provisions))
    assert {n.kind for n in nodes} == set(KINDS)
    by_eid = {n.eid: n for n in nodes}
    assert list(by_eid) == [n.eid for n in nodes]  # unique
    assert [n.eid for n in nodes if n.kind == "dieu"] == [
        "phan_1__chuong_1__dieu_1",
        "phan_1__chuong_1__dieu_2",
        "phan_1__chuong_2__muc_1__tieu_muc_1__dieu_3",
        "phan_1__chuong_2__muc_2__dieu_4",
        "phan_1__chuong_2__muc_2__dieu_4a",
        "phan_2__chuong_3__dieu_5",
        "phan_2__chuong_3__dieu_6",
    ]
    chapter2 = by_eid["phan_1__chuong_2"]
    assert (chapter2.number, chapter2.heading, chapter2.anchor) == (
        "II",
        "QUẢN LÝ VƯỜN CÂY",
        "chuong-2",
    )
    assert by_eid["phan_1__chuong_2__muc_1"].heading == "TRỒNG CÂY"
    assert by_eid["phan_1__chuong_2__muc_1"].anchor == "chuong-2-muc-1"
    assert by_eid["phan_1__chuong_2__muc_1__tieu_muc_1"].heading == "CÂY BÓNG MÁT"
    assert by_eid["phan_2"].anchor == "phan-2"


def test_articles_clauses_points(law):
    nodes = {n.eid: n for n in iter_nodes(law.provisions)}
    art2 = nodes["phan_1__chuong_1__dieu_2"]
    assert art2.heading == "Giải thích từ ngữ"
    assert art2.text == "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:"
    assert [c.number for c in art2.children] == ["1", "2", "3"]
    point = nodes["phan_1__chuong_1__dieu_2__khoan_2__diem_b"]
    assert (point.kind, point.text, point.anchor) == (
        "diem",
        "Vườn cây trong trường học;",
        "dieu-2-khoan-2-diem-b",
    )
    assert point.line == LAW.splitlines().index("b) Vườn cây trong trường học;") + 1
    clause = nodes["phan_1__chuong_2__muc_1__tieu_muc_1__dieu_3__khoan_1"]
    assert clause.text == (
        "Việc trồng cây phải theo quy hoạch.\nQuy hoạch do Ủy ban nhân dân cấp tỉnh phê duyệt."
    )
    # "Chương trình ..." and "Mục tiêu ..." are sentences, not headings.
    art4 = nodes["phan_1__chuong_2__muc_2__dieu_4"]
    assert art4.heading == "Chăm sóc định kỳ"
    assert art4.children[1].text.endswith("Mục tiêu của chương trình là giữ cây khỏe.")
    # Điểm directly under a Điều; "đ" folds to "dd", kept apart from "d".
    art4a = nodes["phan_1__chuong_2__muc_2__dieu_4a"]
    assert [c.eid for c in art4a.children] == [
        "phan_1__chuong_2__muc_2__dieu_4a__diem_a",
        "phan_1__chuong_2__muc_2__dieu_4a__diem_dd",
    ]
    assert art4a.children[1].anchor == "dieu-4a-diem-dd"


def test_quoted_articles_stay_text(law):
    art5 = next(n for n in iter_nodes(law.provisions) if n.eid.endswith("dieu_5"))
    assert [c.number for c in art5.children] == ["1", "2"]
    assert art5.children[0].text.splitlines() == [
        "Điều 10 của Luật Cây cảnh được sửa đổi như sau:",
        "“Điều 10. Trách nhiệm",
        "1. Câu trích dẫn một.",
        "2. Câu trích dẫn hai.”",
    ]


def test_the_closing_is_not_part_of_the_last_article(law):
    last = next(n for n in iter_nodes(law.provisions) if n.eid.endswith("dieu_6"))
    assert last.text == "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2031."


def test_a_well_numbered_law_has_only_the_expected_warning(law):
    # Điểm c then đ in Điều 4a: "b, c, d" are missing after "a".
    assert law.warnings == [
        f"Dòng {LAW.splitlines().index('đ) Cây chết.') + 1}: điều 4a: điểm đ đứng sau điểm a "
        "(thiếu điểm b, c, d)"
    ]


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("Điều 1. A\nĐiều 2. B\nĐiều 2. C", "Dòng 3: số điều 2 lặp lại"),
        ("Điều 1. A\nĐiều 4. B", "Dòng 2: điều 4 đứng sau điều 1 (thiếu điều 2–3)"),
        ("Điều 1. A\nĐiều 3. B", "Dòng 2: điều 3 đứng sau điều 1 (thiếu điều 2)"),
        ("Điều 1. A\n1. x\n3. y", "Dòng 3: điều 1: khoản 3 đứng sau khoản 1 (thiếu khoản 2)"),
        ("Điều 1. A\n1. x\n1. y", "Dòng 3: điều 1: số khoản 1 lặp lại"),
        ("Chương I\nA\nChương I\nB\nĐiều 1. C", "Dòng 3: số chương I lặp lại"),
        ("Chương I\nA\n1. lạc\nĐiều 1. C", "Dòng 3: khoản 1 nằm ngoài điều"),
        ("Điều 1. A\n1. x:\n“Điều 2. y\nz", "Dòng 3: dấu ngoặc kép mở nhưng không thấy dấu đóng"),
    ],
)
def test_warnings_for_the_reviewer(text, warning):
    assert warning in structure_parse_text(text).warnings


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Phần thứ nhất", ("phan", "thứ nhất", "")),
        ("PHẦN THỨ HAI. NHỮNG QUY ĐỊNH KHÁC", ("phan", "THỨ HAI", "NHỮNG QUY ĐỊNH KHÁC")),
        ("Phần I - QUY ĐỊNH CHUNG", ("phan", "I", "QUY ĐỊNH CHUNG")),
        ("Chương IV: TỔ CHỨC", ("chuong", "IV", "TỔ CHỨC")),
        ("CHƯƠNG 2 QUẢN LÝ", ("chuong", "2", "QUẢN LÝ")),
        ("Mục 3. Thủ tục", ("muc", "3", "Thủ tục")),
        ("Tiểu mục 2", ("tieu_muc", "2", "")),
        ("Điều 5. Tên điều", ("dieu", "5", "Tên điều")),
        ("Điều 5: Tên điều", ("dieu", "5", "Tên điều")),
        ("ĐIỀU 12a. Tên", ("dieu", "12a", "Tên")),
        ("Điều 7 - Tên", ("dieu", "7", "Tên")),
        ("1. Khoản một", ("khoan", "1", "Khoản một")),
        ("2) Khoản hai", ("khoan", "2", "Khoản hai")),
        ("đ) Điểm đ", ("diem", "đ", "Điểm đ")),
        ("Chương trình đào tạo", None),
        ("Mục tiêu của Luật", None),
        ("Mục 1 của Chương này quy định", None),
        ("Phần vốn góp của thành viên", None),
        ("Điều 5 của Luật này", None),
        ("100.000 đồng", None),
        ("1.1. Tiểu khoản", None),
        ("f) không phải điểm", None),
    ],
)
def test_line_recognition(line, expected):
    document = structure_parse_text(f"Điều 99. Mở đầu\n{line}")
    nodes = list(iter_nodes(document.provisions))[1:]
    if expected is None:
        assert nodes == []
        assert document.provisions[0].text == line
        return
    kind, number, rest = expected
    node = nodes[0]
    assert (node.kind, node.number) == (kind, number)
    assert (node.heading if kind not in ("khoan", "diem") else node.text) == rest


def test_a_title_on_the_next_line_and_no_header():
    document = structure_parse_text("Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung.")
    chapter = document.provisions[0]
    assert chapter.heading == "NHỮNG QUY ĐỊNH CHUNG"
    assert chapter.children[0].heading == "Phạm vi"
    assert (document.title, document.number, document.issued_on) == ("", "", None)


def test_a_text_with_clauses_only():
    document = structure_parse_text("Kính gửi các đơn vị:\n1. Việc thứ nhất.\n2. Việc thứ hai.")
    assert [n.kind for n in document.provisions] == ["khoan", "khoan"]
    assert document.preamble == "Kính gửi các đơn vị:"
    assert document.warnings == [
        "Dòng 2: văn bản không có điều nào; các khoản được đặt ở cấp cao nhất"
    ]


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("", "dòng 1", "trống"),
        ("   \n\t\n", "dòng 1", "trống"),
        ("Chỉ có một câu văn.\nVà câu thứ hai.", "dòng 1", "không tìm thấy"),
        ("Điều 1. A\n\x00\x01\x02binary", "dòng 2", "nhị phân"),
    ],
)
def test_unreadable_text(text, position, message):
    with pytest.raises(ParseError) as caught:
        structure_parse_text(text, source="upload.txt")
    assert (caught.value.source, caught.value.position) == ("upload.txt", position)
    assert message in caught.value.message
    assert str(caught.value).startswith(f"upload.txt, {position}: ")


# --------------------------------------------------------------------------- articles


ALQAC_ARTICLE = (
    "Phạm vi điều chỉnh\n\nLuật này quy định về phòng ngừa, ngăn chặn, đấu tranh chống tội "
    "phạm và tệ nạn ma túy.\n\n1. Khoản một;\n\na) điểm a;\n\nđ) điểm đ.\n\n2. Khoản hai."
)


def test_alqac_article_heading_and_children():
    node = structure_parse_article(number="1", text=ALQAC_ARTICLE)
    assert (node.kind, node.number, node.heading) == ("dieu", "1", "Phạm vi điều chỉnh")
    assert node.text.startswith("Luật này quy định")
    assert [c.eid for c in iter_nodes([node])] == [
        "dieu_1",
        "dieu_1__khoan_1",
        "dieu_1__khoan_1__diem_a",
        "dieu_1__khoan_1__diem_dd",
        "dieu_1__khoan_2",
    ]
    assert node.children[0].children[1].anchor == "dieu-1-khoan-1-diem-dd"


def test_an_article_without_a_heading():
    constitution = "1. Nhà nước pháp quyền.\n\n2. Nhân dân làm chủ."
    node = structure_parse_article(number="2", text=constitution)
    assert node.heading == ""
    assert [c.number for c in node.children] == ["1", "2"]
    sentence = structure_parse_article(number="3", text="Nhà nước bảo đảm quyền làm chủ.")
    assert (sentence.heading, sentence.text) == ("", "Nhà nước bảo đảm quyền làm chủ.")


def test_article_with_explicit_heading_and_prefix():
    node = structure_parse_article(
        number="41.2.NĐ.1", heading="Phạm vi", text="1. Một.\n2. Hai.", eid_prefix="chuong_2"
    )
    assert node.heading == "Phạm vi"
    assert node.eid == "chuong_2__dieu_41-2-ndd-1"  # đ -> dd, as for điểm đ
    assert node.children[1].eid == "chuong_2__dieu_41-2-ndd-1__khoan_2"


def test_leaked_headings_and_signature_are_dropped_from_an_article():
    text = (
        "Hiệu lực thi hành\n\n1. Luật này có hiệu lực từ ngày 01 tháng 01 năm 2031.\n\n"
        "Luật này đã được Quốc hội khóa XVI thông qua ngày 1 tháng 6 năm 2030.\n\n"
        "CHỦ TỊCH QUỐC HỘI\n\n(Đã ký)\n\nTrần Văn Mẫu"
    )
    node = structure_parse_article(number="9", text=text)
    assert node.children[0].text == "Luật này có hiệu lực từ ngày 01 tháng 01 năm 2031."
    leaked = structure_parse_article(
        number="37", text="Tổ chức\n\nNội dung.\n\n\n\nTiểu mục 4\n\nGIÁO DỤC ĐẠI HỌC"
    )
    assert leaked.text == "Nội dung."


def test_article_never_raises_on_empty_text():
    node = structure_parse_article(number="7", text="")
    assert (node.heading, node.text, node.children, node.eid) == ("", "", [], "dieu_7")


# --------------------------------------------------------------------------- DOCX


def _docx_bytes() -> bytes:
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = "BỘ THỬ NGHIỆM"
    left.add_paragraph("-------")
    left.add_paragraph("Số: 05/2031/TT-BTN")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Hà Nội, ngày 3 tháng 2 năm 2031")
    for text in (
        "THÔNG TƯ",
        "Quy định về thử nghiệm phần mềm",
        "Căn cứ Luật Thử nghiệm;",
        "Điều 1. Phạm vi",
        "1. Thông tư này quy định việc thử.",
        "a) Thử đơn vị;",
        "b) Thử tích hợp.",
        "Điều 2. Mức phí",
    ):
        document.add_paragraph(text)
    fees = document.add_table(rows=2, cols=2)
    for row, values in zip(
        fees.rows, (("Loại", "Mức phí"), ("Thử đơn vị", "100.000 đồng")), strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Điều 3. Hiệu lực")
    document.add_paragraph("Thông tư này có hiệu lực từ ngày 1 tháng 3 năm 2031.")
    signature = document.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    left.text = "Nơi nhận:"
    left.add_paragraph("- Như Điều 3;")
    right.text = "KT. BỘ TRƯỞNG"
    right.add_paragraph("THỨ TRƯỞNG")
    right.add_paragraph("Lê Thị Thử")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables():
    data = _docx_bytes()
    document = structure_parse_docx(data, source="tt.docx")
    assert (document.document_type, document.title) == (
        "Thông tư",
        "Quy định về thử nghiệm phần mềm",
    )
    assert (document.number, document.issuer) == ("05/2031/TT-BTN", "BỘ THỬ NGHIỆM")
    assert document.issued_on == date(2031, 2, 3)
    assert document.signer == "Lê Thị Thử"
    assert document.preamble == "Căn cứ Luật Thử nghiệm;"
    articles = document.provisions
    assert [a.heading for a in articles] == ["Phạm vi", "Mức phí", "Hiệu lực"]
    assert [p.number for p in articles[0].children[0].children] == ["a", "b"]
    assert articles[1].text == "Loại | Mức phí\nThử đơn vị | 100.000 đồng"
    assert document.warnings == []
    # A file object works as well as bytes.
    assert (
        structure_parse_docx(io.BytesIO(data), source="tt.docx").provisions[2].heading == "Hiệu lực"
    )


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "không phải DOCX"),
        (b"%PDF-1.7 not a docx", "không phải DOCX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".doc"),
        (b"PK\x03\x04 truncated", "bị hỏng"),
        (_zip({"readme.txt": "hello"}), "word/document.xml"),
        (_zip({"word/document.xml": "<not xml", "[Content_Types].xml": "<x/>"}), "bị hỏng"),
    ],
)
def test_bad_docx(data, message):
    with pytest.raises(ParseError) as caught:
        structure_parse_docx(data, source="upload.docx")
    assert caught.value.source == "upload.docx"
    assert message in caught.value.message


def test_truncated_docx_is_a_parse_error():
    data = _docx_bytes()
    with pytest.raises(ParseError, match="bị hỏng"):
        structure_parse_docx(data[: len(data) // 2], source="half.docx")


# --------------------------------------------------------------------------- real corpus


def test_alqac_articles_keep_their_numbers():
    if not ALQAC.exists():
        pytest.skip(f"ALQAC data absent ({ALQAC})")
    laws = json.loads(ALQAC.read_text(encoding="utf-8"))
    assert len(laws) == 17
    count = 0
    for law in laws:
        for article in law["articles"]:
            node = structure_parse_article(number=article["id"], text=article["text"])
            assert node.number == article["id"]
            assert node.eid == f"dieu_{article['id']}"
            assert all(n.kind in ("khoan", "diem") for n in list(iter_nodes([node]))[1:])
            if law["id"] != "Hiến pháp":
                assert node.heading, (law["id"], article["id"])
            count += 1
    assert count == 2_249


def test_alqac_laws_reassembled_as_full_texts():
    """Each ALQAC law written back as one text ("Điều N. Heading" + body) parses into the
    same articles, in order. (The data embeds three articles in their neighbours' text --
    Luật Trồng trọt Điều 64, Hiến pháp Điều 115 and 116 -- which the full text finds.)"""
    if not ALQAC.exists():
        pytest.skip(f"ALQAC data absent ({ALQAC})")
    for law in json.loads(ALQAC.read_text(encoding="utf-8")):
        parts = []
        for article in law["articles"]:
            if law["id"] == "Hiến pháp":  # its articles have no heading
                parts.append(f"Điều {article['id']}.\n{article['text']}")
            else:
                heading, _, body = article["text"].partition("\n")
                parts.append(f"Điều {article['id']}. {heading}\n{body}")
        document = structure_parse_text("\n".join(parts), source=law["id"])
        numbers = [n.number for n in iter_nodes(document.provisions) if n.kind == "dieu"]
        expected = [article["id"] for article in law["articles"]]
        assert set(expected) <= set(numbers), law["id"]
        assert len(numbers) - len(expected) <= 2, law["id"]
        assert [n for n in numbers if n in expected] == expected, law["id"]
        assert document.signer, law["id"]
        assert "(Đã ký)" in document.closing, law["id"]
        last = list(iter_nodes(document.provisions))[-1]
        assert "(Đã ký)" not in last.text and "____" not in last.text, law["id"]


# --------------------------------------------------------------------------- fuzz

_PIECES = st.sampled_from([
    "Phần thứ nhất", "PHẦN THỨ HAI", "Chương I", "CHƯƠNG 2", "Mục 1", "Tiểu mục 3", "Điều 1.",
    "Điều 2. Tên", "Điều 2a:", "1.", "2)", "a)", "đ)", "“", "”", '"', "Nơi nhận:", "(Đã ký)",
    "TM. CHÍNH PHỦ", "Nguyễn Văn A", "Luật số: 1/2020/QH14", "ngày 31 tháng 2 năm 2020",
    "LUẬT", "x", " ", "\n", "\t", "|", "\u200b", "\ufffd",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40))
def test_any_text_gives_a_document_or_a_parse_error(pieces):
    text = " ".join(pieces)
    try:
        document = structure_parse_text(text, source="fuzz")
    except ParseError as error:
        assert error.source == "fuzz"
        assert error.position.startswith("dòng ")
        return
    nodes = list(iter_nodes(document.provisions))
    assert nodes
    assert len({n.eid for n in nodes}) == len(nodes)
    assert len({n.anchor for n in nodes}) == len(nodes)
    assert all(n.kind in KINDS for n in nodes)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40), st.text(max_size=6))
def test_any_article_body_gives_a_node(pieces, number):
    node = structure_parse_article(number=number or "1", text="\n".join(pieces))
    assert node.kind == "dieu"
    assert all(n.kind in ("khoan", "diem") for n in list(iter_nodes([node]))[1:])
