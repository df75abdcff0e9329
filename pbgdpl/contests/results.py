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

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.certificate_pdf import CertificateContent, certificate_pdf_render
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


def _duration_label(ms: int) -> str:
    seconds = round(ms / 1000)
    return _("%(m)s phút %(s)s giây") % {"m": seconds // 60, "s": seconds % 60}


def certificate_pdf(*, certificate: Certificate) -> bytes:
    """The certificate as a one-page A4 landscape PDF (``core.certificate_pdf``): the
    person, the contest and round, the result or prize, the date, and the verification
    code, URL and QR code."""
    from pbgdpl.portal.seo import ORGANIZATION_NAME

    attempt = certificate.attempt
    participant = attempt.participant
    round = attempt.round
    contest = round.contest
    content = CertificateContent(
        code=certificate.code,
        url=certificate_url(certificate),
        issuer=ORGANIZATION_NAME,
        recipient=participant.name,
        recipient_line=participant.unit.name,
        statement=_("đã tham gia %(round)s, %(contest)s")
        % {"round": round.title, "contest": contest.title},
        highlight=_("và đạt %(prize)s") % {"prize": certificate.prize.name}
        if certificate.prize_id
        else "",
        details=[
            _("Kết quả: %(correct)s/%(total)s câu trả lời đúng, thời gian %(time)s.")
            % {
                "correct": attempt.correct or 0,
                "total": attempt.total,
                "time": _duration_label(attempt.duration_ms or 0),
            }
        ],
        issued_at=certificate.issued_at,
        signer=[_("BAN TỔ CHỨC CUỘC THI")],
        subject=contest.title,
    )
    return certificate_pdf_render(content)
