"""One renderer for every certificate (giấy chứng nhận) the platform issues — a contest's
result, a completed training course: a one-page A4 landscape PDF with a double border,
the issuing body, the title, the person, what they did, the place and date, the signer,
and the verification code, URL and a QR code of that URL.

Callers (the feature apps) describe the certificate as ``CertificateContent``; nothing
here knows which app it comes from. Fonts: Source Sans Pro, installed as a Python package
(``font-source-sans-pro``), which has every Vietnamese letter, so no system font is needed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .pdf_fonts import pdf_fonts

RED = "#9b1c1f"
NAVY = "#1d3557"


@dataclass
class CertificateContent:
    """What a certificate says, top to bottom.

    ``statement`` (what the person did) wraps onto up to three lines; ``highlight`` is
    one line in red (a prize); ``details`` are smaller lines below (the result, hours, …);
    ``signer`` the bold lines under the place and date.
    """

    code: str
    url: str  # the public verification URL, printed and in the QR code
    issuer: str  # the issuing body, at the top (upper-cased)
    recipient: str
    recipient_line: str  # under the name: the person's commune or unit
    statement: str
    issued_at: datetime
    signer: list[str]
    highlight: str = ""
    details: list[str] = field(default_factory=list)
    title: str = ""  # default "GIẤY CHỨNG NHẬN"
    intro: str = ""  # default "Chứng nhận"
    subject: str = ""  # PDF metadata
    place: str = ""  # default settings.DEMO_PROVINCE


def _wrapped(text: str, *, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """``text`` split into lines no wider than ``width`` (words kept whole); the last
    allowed line ends with "…" when the text is longer."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and stringWidth(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;:") + " …"
    return lines


def certificate_pdf_render(content: CertificateContent) -> bytes:
    """The certificate as PDF bytes (one page, A4 landscape)."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    regular, bold = pdf_fonts()
    width, height = landscape(A4)
    buffer = io.BytesIO()
    pdf: Any = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(_("Giấy chứng nhận %(code)s") % {"code": content.code})
    pdf.setAuthor(content.issuer)
    pdf.setSubject(content.subject or content.statement)
    red, navy = HexColor(RED), HexColor(NAVY)
    # Double border.
    pdf.setStrokeColor(red)
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    pdf.setLineWidth(0.8)
    pdf.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)
    center = width / 2
    text_width = width - 60 * mm
    pdf.setFillColor(navy)
    pdf.setFont(bold, 13)
    pdf.drawCentredString(center, height - 32 * mm, content.issuer.upper())
    pdf.setFillColor(red)
    pdf.setFont(bold, 34)
    pdf.drawCentredString(center, height - 52 * mm, content.title or _("GIẤY CHỨNG NHẬN"))
    pdf.setFillColor(navy)
    pdf.setFont(regular, 15)
    pdf.drawCentredString(center, height - 66 * mm, content.intro or _("Chứng nhận"))
    pdf.setFont(bold, 26 if len(content.recipient) <= 40 else 18)
    pdf.drawCentredString(center, height - 80 * mm, content.recipient)
    pdf.setFont(regular, 14)
    pdf.drawCentredString(center, height - 90 * mm, content.recipient_line)
    # The statement wraps; whatever follows moves down by the extra lines.
    statement = _wrapped(content.statement, font=regular, size=15, width=text_width, max_lines=3)
    pdf.setFont(regular, 15)
    y = height - 104 * mm
    for line in statement:
        pdf.drawCentredString(center, y, line)
        y -= 15 * 1.3
    shift = (len(statement) - 1) * 15 * 1.3 if statement else 0
    if content.highlight:
        pdf.setFillColor(red)
        pdf.setFont(bold, 22)
        pdf.drawCentredString(center, height - 118 * mm - shift, content.highlight)
        pdf.setFillColor(navy)
    pdf.setFont(regular, 14)
    y = height - (130 if content.highlight else 118) * mm - shift
    for line in content.details[:3]:
        pdf.drawCentredString(center, y, line)
        y -= 8 * mm
    issued = timezone.localtime(content.issued_at)
    pdf.setFont(regular, 13)
    pdf.drawRightString(
        width - 40 * mm,
        38 * mm,
        _("%(place)s, ngày %(d)s tháng %(m)s năm %(y)s")
        % {
            "place": content.place or getattr(settings, "DEMO_PROVINCE", "Gia Lai"),
            "d": f"{issued.day:02d}",
            "m": f"{issued.month:02d}",
            "y": issued.year,
        },
    )
    y = 31 * mm
    for number, line in enumerate(content.signer[:2]):
        pdf.setFont(bold if number == 0 else regular, 13 if number == 0 else 11)
        pdf.drawRightString(width - 40 * mm, y, line)
        y -= 6 * mm
    # Verification: code, URL and a QR code of the URL.
    qr = QrCodeWidget(content.url)
    x0, y0, x1, y1 = qr.getBounds()
    size = 30 * mm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(qr)
    renderPDF.draw(drawing, pdf, 24 * mm, 22 * mm)
    pdf.setFont(regular, 10)
    pdf.drawString(58 * mm, 40 * mm, _("Mã xác minh: %(code)s") % {"code": content.code})
    pdf.drawString(58 * mm, 34 * mm, _("Kiểm tra tại: %(url)s") % {"url": content.url})
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
