"""Results of a round once it has closed: prizes chosen by the rules, certificates
(giấy chứng nhận) with a verification code and URL, and the certificate as a PDF.

Prize rules: the round's prizes ``[[name, count], …]`` are given in order down the
leaderboard (see selectors' ranking), one prize per person, to participants with at least
one correct answer whose personal data has not been erased. Choosing again replaces the
previous choice (e.g. after a participant was disqualified and erased).

Certificates: every prize winner, and every participant whose best attempt reached the
round's ``certificate_min_percent`` of correct answers (none when it is empty).
"""

from __future__ import annotations

import io
import os
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.codes import public_code_new, public_code_normalize
from pbgdpl.people.permissions import require

from .models import Attempt, Certificate, Prize, Round
from .selectors import leaderboard, round_state
from .services import ContestStateError, attempts_close_due

CERTIFICATE_PREFIX = "CN"


def _round_results_ready(round: Round) -> None:
    if round_state(round) != "closed":
        raise ContestStateError(
            _("Đợt thi chưa kết thúc: chưa xét giải, cấp giấy chứng nhận được."),
            code="round_not_closed",
        )
    # Close what the deadline closed and grade what a crash left ungraded.
    attempts_close_due()
    if Attempt.objects.filter(round=round, graded_at__isnull=True).exists():
        raise ContestStateError(
            _("Còn bài thi chưa chấm xong; thử lại sau ít phút."), code="ungraded"
        )


@transaction.atomic
def prizes_select(*, actor: Any, round: Round) -> list[Prize]:
    """Give the round's prizes down the leaderboard (rules in the module docstring),
    replacing any earlier choice; returns the prizes in rank order. Needs
    "contests.results" on the round's contest and a closed round."""
    require(actor, "contests.results", round)
    _round_results_ready(round)
    rows, _total = leaderboard(round=round, limit=None)
    slots = [name for name, count in round.prizes for _ in range(int(count))]
    Prize.objects.filter(round=round).delete()
    prizes = []
    for row, name in zip((r for r in rows if r.correct > 0), slots, strict=False):
        prizes.append(
            Prize(
                round=round,
                participant_id=row.participant_id,
                attempt_id=row.attempt_id,
                rank=row.rank,
                name=name,
            )
        )
    Prize.objects.bulk_create(prizes)
    audit_record(
        action="contests.prizes.select",
        obj=round,
        actor=actor,
        data={"prizes": len(prizes), "slots": len(slots)},
    )
    return list(Prize.objects.filter(round=round).order_by("rank"))


def certificate_path(certificate: Certificate) -> str:
    """The public verification page of ``certificate`` (a path on this site)."""
    return reverse("contests:certificate", args=[certificate.code])


def certificate_url(certificate: Certificate) -> str:
    """The absolute verification URL printed on the certificate."""
    return settings.SITE_BASE_URL + certificate_path(certificate)


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate with this code as typed (case, dashes, O/0 and I/L/1 forgiven), or
    None."""
    normalized = public_code_normalize(code, prefix=CERTIFICATE_PREFIX)
    if not normalized:
        return None
    return (
        Certificate.objects.filter(code=normalized)
        .select_related(
            "attempt",
            "attempt__participant",
            "attempt__participant__unit",
            "attempt__round",
            "attempt__round__contest",
            "prize",
        )
        .first()
    )


def _certificate_create(*, attempt_id: Any, prize: Prize | None) -> Certificate:
    for _try in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    code=public_code_new(CERTIFICATE_PREFIX), attempt_id=attempt_id, prize=prize
                )
        except IntegrityError:  # a code collision (50 random bits): draw another
            continue
    raise RuntimeError("could not draw a unique certificate code")


@transaction.atomic
def certificates_issue(*, actor: Any, round: Round) -> int:
    """Issue the round's certificates (rules in the module docstring); idempotent — a
    person keeps their code, and a prize chosen later is added to their certificate.
    Returns how many certificates were created."""
    require(actor, "contests.results", round)
    _round_results_ready(round)
    prizes = {p.attempt_id: p for p in Prize.objects.filter(round=round)}
    existing = {c.attempt_id: c for c in Certificate.objects.filter(attempt__round=round)}
    rows, _total = leaderboard(round=round, limit=None)
    threshold = round.certificate_min_percent
    created = 0
    for row in rows:
        prize = prizes.get(row.attempt_id)
        qualifies = prize is not None or (
            threshold is not None and row.total and row.correct * 100 >= threshold * row.total
        )
        if not qualifies:
            continue
        certificate = existing.get(row.attempt_id)
        if certificate is None:
            _certificate_create(attempt_id=row.attempt_id, prize=prize)
            created += 1
        elif certificate.prize_id != (prize.pk if prize else None):
            certificate.prize = prize
            certificate.save(update_fields=["prize"])
    audit_record(
        action="contests.certificates.issue", obj=round, actor=actor, data={"created": created}
    )
    return created


# --------------------------------------------------------------------------- PDF

_FONTS_REGISTERED = False


def _fonts() -> tuple[str, str]:
    """Register a font with every Vietnamese letter (Source Sans Pro, installed as a
    Python package so no system font is needed) and return (regular, bold) names."""
    global _FONTS_REGISTERED
    if not _FONTS_REGISTERED:
        import font_source_sans_pro
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = os.path.join(os.path.dirname(font_source_sans_pro.__file__), "files")
        pdfmetrics.registerFont(
            TTFont("SourceSans", os.path.join(folder, "SourceSansPro-Regular.ttf"))
        )
        pdfmetrics.registerFont(
            TTFont("SourceSans-Bold", os.path.join(folder, "SourceSansPro-Bold.ttf"))
        )
        _FONTS_REGISTERED = True
    return "SourceSans", "SourceSans-Bold"


def _centred_lines(
    pdf: Any, text: str, *, font: str, size: float, centre: float, y: float, width: float
) -> float:
    """Draw ``text`` centred on ``centre``, wrapped to ``width`` (3 lines at most);
    returns the y below it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and stringWidth(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    pdf.setFont(font, size)
    for line in lines[:3]:
        pdf.drawCentredString(centre, y, line)
        y -= size * 1.3
    return y


def _duration_label(ms: int) -> str:
    seconds = round(ms / 1000)
    return _("%(m)s phút %(s)s giây") % {"m": seconds // 60, "s": seconds % 60}


def certificate_pdf(*, certificate: Certificate) -> bytes:
    """The certificate as a one-page A4 landscape PDF: the person, the contest and round,
    the result or prize, the date, and the verification code, URL and QR code."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from pbgdpl.portal.seo import ORGANIZATION_NAME

    regular, bold = _fonts()
    attempt = certificate.attempt
    participant = attempt.participant
    round = attempt.round
    contest = round.contest
    width, height = landscape(A4)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(_("Giấy chứng nhận %(code)s") % {"code": certificate.code})
    pdf.setAuthor(ORGANIZATION_NAME)
    pdf.setSubject(contest.title)
    red, navy = HexColor("#9b1c1f"), HexColor("#1d3557")
    # Double border.
    pdf.setStrokeColor(red)
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    pdf.setLineWidth(0.8)
    pdf.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)
    center = width / 2
    pdf.setFillColor(navy)
    pdf.setFont(bold, 13)
    pdf.drawCentredString(center, height - 32 * mm, ORGANIZATION_NAME.upper())
    pdf.setFillColor(red)
    pdf.setFont(bold, 34)
    pdf.drawCentredString(center, height - 52 * mm, _("GIẤY CHỨNG NHẬN"))
    pdf.setFillColor(navy)
    pdf.setFont(regular, 15)
    pdf.drawCentredString(center, height - 66 * mm, _("Chứng nhận"))
    pdf.setFont(bold, 26 if len(participant.name) <= 40 else 18)
    pdf.drawCentredString(center, height - 80 * mm, participant.name)
    pdf.setFont(regular, 14)
    pdf.drawCentredString(center, height - 90 * mm, participant.unit.name)
    pdf.setFont(regular, 15)
    pdf.drawCentredString(
        center,
        height - 104 * mm,
        _("đã tham gia %(round)s, %(contest)s") % {"round": round.title, "contest": contest.title},
    )
    if certificate.prize_id:
        pdf.setFillColor(red)
        pdf.setFont(bold, 22)
        pdf.drawCentredString(
            center, height - 118 * mm, _("và đạt %(prize)s") % {"prize": certificate.prize.name}
        )
        pdf.setFillColor(navy)
    pdf.setFont(regular, 14)
    pdf.drawCentredString(
        center,
        height - 130 * mm,
        _("Kết quả: %(correct)s/%(total)s câu trả lời đúng, thời gian %(time)s.")
        % {
            "correct": attempt.correct or 0,
            "total": attempt.total,
            "time": _duration_label(attempt.duration_ms or 0),
        },
    )
    issued = timezone.localtime(certificate.issued_at)
    pdf.setFont(regular, 13)
    pdf.drawRightString(
        width - 40 * mm,
        38 * mm,
        _("%(place)s, ngày %(d)s tháng %(m)s năm %(y)s")
        % {
            "place": getattr(settings, "DEMO_PROVINCE", "Gia Lai"),
            "d": f"{issued.day:02d}",
            "m": f"{issued.month:02d}",
            "y": issued.year,
        },
    )
    pdf.setFont(bold, 13)
    pdf.drawRightString(width - 40 * mm, 31 * mm, _("BAN TỔ CHỨC CUỘC THI"))
    # Verification: code, URL and a QR code of the URL.
    url = certificate_url(certificate)
    qr = QrCodeWidget(url)
    x0, y0, x1, y1 = qr.getBounds()
    size = 30 * mm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(qr)
    renderPDF.draw(drawing, pdf, 24 * mm, 22 * mm)
    pdf.setFont(regular, 10)
    pdf.drawString(58 * mm, 40 * mm, _("Mã xác minh: %(code)s") % {"code": certificate.code})
    pdf.drawString(58 * mm, 34 * mm, _("Kiểm tra tại: %(url)s") % {"url": url})
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
