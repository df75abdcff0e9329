"""Results of a closed round: prizes by the rules down the leaderboard, certificates
with verification codes (idempotent), the certificate PDF, and who may do it."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from pbgdpl.contests import results, services
from pbgdpl.contests.models import Attempt, AttemptStatus, Certificate, Prize, Round
from pbgdpl.contests.services import ContestStateError
from tests.contests.factories import contest_world, correct_answers, participant_join

pytestmark = pytest.mark.django_db


def play(world, scores):
    """Participants answering ``right`` items correctly in ``seconds``; returns them."""
    now = timezone.now()
    people = []
    for n, (right, seconds) in enumerate(scores):
        participant, _ = participant_join(world, n)
        attempt = services.attempt_start(round=world.round, participant=participant, now=now)
        answers = correct_answers(attempt)
        services.attempt_submit(
            attempt=attempt,
            participant=participant,
            answers={k: answers[k] for k in list(answers)[:right]},
            now=now + timedelta(seconds=seconds),
        )
        people.append(participant)
    return people


def close(world):
    Round.objects.filter(pk=world.round.pk).update(closes_at=timezone.now())
    world.round.refresh_from_db()


def test_prizes_follow_the_rules_and_certificates_the_threshold():
    world = contest_world()  # prizes: Giải Nhất ×1, Giải Nhì ×2; certificate at 80 %
    people = play(world, [(5, 90), (5, 30), (3, 10), (4, 50), (0, 5)])
    with pytest.raises(ContestStateError):  # still open
        results.prizes_select(actor=world.province_admin, round=world.round)
    close(world)
    prizes = results.prizes_select(actor=world.province_admin, round=world.round)
    assert [(p.participant_id, p.name, p.rank) for p in prizes] == [
        (people[1].pk, "Giải Nhất", 1),
        (people[0].pk, "Giải Nhì", 2),
        (people[3].pk, "Giải Nhì", 3),
    ]
    created = results.certificates_issue(actor=world.province_admin, round=world.round)
    # Three prize winners (5, 5 and 4 correct = 80 %); 3/5 and 0/5 get none.
    assert created == 3
    assert results.certificates_issue(actor=world.province_admin, round=world.round) == 0
    certificate = Certificate.objects.get(attempt__participant=people[1])
    assert certificate.prize.name == "Giải Nhất"
    typed = certificate.code.lower().replace("-", " ").replace("0", "o")
    assert results.certificate_by_code(typed) == certificate
    assert results.certificate_by_code("CN-00000-00000") is None
    assert results.certificate_by_code("<script>") is None
    assert results.certificate_path(certificate) == f"/cuoc-thi/chung-nhan/{certificate.code}/"


def test_choosing_again_replaces_the_prizes():
    world = contest_world()
    people = play(world, [(5, 30), (4, 30)])
    close(world)
    results.prizes_select(actor=world.province_admin, round=world.round)
    results.certificates_issue(actor=world.province_admin, round=world.round)
    # The winner is disqualified: their personal data erased, prizes chosen again.
    people[0].personal_data_erased_at = timezone.now()
    people[0].save()
    prizes = results.prizes_select(actor=world.province_admin, round=world.round)
    assert [(p.participant_id, p.name) for p in prizes] == [(people[1].pk, "Giải Nhất")]
    assert Prize.objects.filter(round=world.round).count() == 1
    results.certificates_issue(actor=world.province_admin, round=world.round)
    assert Certificate.objects.get(attempt__participant=people[1]).prize.name == "Giải Nhất"


def test_only_results_staff_of_the_contest_unit_choose_prizes():
    world = contest_world()
    play(world, [(5, 30)])
    close(world)
    for user in (world.officer, world.reporter):  # commune staff; the contest is provincial
        with pytest.raises(PermissionDenied):
            results.prizes_select(actor=user, round=world.round)
        with pytest.raises(PermissionDenied):
            results.certificates_issue(actor=user, round=world.round)
    assert not Prize.objects.exists() and not Certificate.objects.exists()
    assert results.prizes_select(actor=world.approver, round=world.round)


def test_ungraded_or_open_attempts_are_finished_before_results():
    world = contest_world()
    participant, _ = participant_join(world, 1)
    attempt = services.attempt_start(round=world.round, participant=participant)
    answers = correct_answers(attempt)
    services.attempt_answers_save(attempt=attempt, participant=participant, answers=answers)
    # The round closes with the attempt still open; the command (cron) closes it.
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    close(world)
    out = io.StringIO()
    call_command("contest_close_due", stdout=out)
    assert "1" in out.getvalue()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.EXPIRED and attempt.correct == 5
    assert len(results.prizes_select(actor=world.province_admin, round=world.round)) == 1


def test_certificate_pdf_is_one_page_with_the_code():
    world = contest_world()
    play(world, [(5, 75)])
    close(world)
    results.prizes_select(actor=world.province_admin, round=world.round)
    results.certificates_issue(actor=world.province_admin, round=world.round)
    certificate = Certificate.objects.get()
    pdf = results.certificate_pdf(certificate=certificate)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "GIẤY CHỨNG NHẬN" in text
    assert "Nguyễn Văn Thí Sinh 0" in text and "Xã Ia Hrú" in text
    assert "Giải Nhất" in text and "5/5" in text and "1 phút 15 giây" in text
    assert certificate.code in text
    assert f"/cuoc-thi/chung-nhan/{certificate.code}/" in text
    assert reader.metadata.title == f"Giấy chứng nhận {certificate.code}"
