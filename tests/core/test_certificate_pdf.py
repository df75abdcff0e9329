"""The shared certificate renderer: one A4 landscape page with the issuer, title, person,
statement (wrapped to three lines at most), highlight, details, place and date, signer,
and the verification code, URL and QR code."""

import io
from datetime import UTC, datetime

from pypdf import PdfReader

from pbgdpl.core.certificate_pdf import CertificateContent, certificate_pdf_render


def _content(**overrides) -> CertificateContent:
    values = {
        "code": "BD-7K4M2-QXR0Z",
        "url": "https://pbgdpl.example.vn/boi-duong/chung-nhan/BD-7K4M2-QXR0Z/",
        "issuer": "Sở Tư pháp tỉnh Gia Lai",
        "recipient": "Rơ Châm H'Bia",
        "recipient_line": "Xã Ia Hrú",
        "statement": "đã hoàn thành khoá bồi dưỡng “Kỹ năng số”",
        "issued_at": datetime(2026, 3, 9, 2, 0, tzinfo=UTC),
        "signer": ["ĐƠN VỊ TỔ CHỨC", "Tỉnh Gia Lai"],
        "details": ["Hình thức: Trực tuyến · Thời lượng: 8 giờ"],
        "place": "Gia Lai",
    }
    values.update(overrides)
    return CertificateContent(**values)


def _text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    lines = [" ".join(line.split()) for line in reader.pages[0].extract_text().splitlines()]
    return reader, lines


def test_a_certificate_page_says_everything_in_order():
    reader, lines = _text(certificate_pdf_render(_content(highlight="và đạt Giải Nhất")))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert round(float(width)) == 842 and round(float(height)) == 595  # A4 landscape
    text = "\n".join(lines)
    expected = [
        "SỞ TƯ PHÁP TỈNH GIA LAI",
        "GIẤY CHỨNG NHẬN",
        "Chứng nhận",
        "Rơ Châm H'Bia",
        "Xã Ia Hrú",
        "đã hoàn thành khoá bồi dưỡng “Kỹ năng số”",
        "và đạt Giải Nhất",
        "Hình thức: Trực tuyến · Thời lượng: 8 giờ",
    ]
    positions = [text.index(part) for part in expected]
    assert positions == sorted(positions)
    assert "Gia Lai, ngày 09 tháng 03 năm 2026" in text
    assert "ĐƠN VỊ TỔ CHỨC" in text and "Mã xác minh: BD-7K4M2-QXR0Z" in text
    assert "Kiểm tra tại: https://pbgdpl.example.vn/boi-duong/chung-nhan/BD-7K4M2-QXR0Z/" in text
    assert reader.metadata.title == "Giấy chứng nhận BD-7K4M2-QXR0Z"
    assert reader.metadata.author == "Sở Tư pháp tỉnh Gia Lai"


def test_a_long_statement_wraps_to_three_lines_and_is_cut():
    statement = "đã hoàn thành " + " ".join(f"chuyên đề số {n}" for n in range(60))
    _reader, lines = _text(certificate_pdf_render(_content(statement=statement)))
    first = next(i for i, line in enumerate(lines) if line.startswith("đã hoàn thành"))
    assert lines[first + 2].endswith("…")
    assert lines[first + 3].startswith("Hình thức")  # the details follow, not overlapped
    assert "chuyên đề số 59" not in "\n".join(lines)


def test_the_qr_code_is_drawn():
    plain = certificate_pdf_render(_content(url="https://a.vn/x/"))
    longer = certificate_pdf_render(_content(url="https://a.vn/" + "x" * 120 + "/"))
    # A longer URL needs a denser QR code: more drawing operations on the page.
    assert len(PdfReader(io.BytesIO(longer)).pages[0].get_contents().get_data()) > len(
        PdfReader(io.BytesIO(plain)).pages[0].get_contents().get_data()
    )
