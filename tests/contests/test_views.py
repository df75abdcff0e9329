"""The contests' public pages through HTTP: the list and a contest, registration (and
every kind of bad input), continuing on another device, the whole path of an attempt
(start twice, save, submit twice, result), what a stranger and forged ids get, answers
after the deadline, the leaderboard (no personal data), certificates and the practice
quizzes (including a forged state)."""

import re
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pbgdpl.contests import results, selectors, services
from pbgdpl.contests import views as contest_views
from pbgdpl.contests.forms import PracticeState
from pbgdpl.contests.models import (
    Attempt,
    AttemptStatus,
    Certificate,
    Choice,
    Item,
    Participant,
    Round,
)
from tests.contests.factories import (
    contest_world,
    correct_answers,
    item_approved,
    participant_join,
)
from tests.factories import LegalDocumentFactory

pytestmark = pytest.mark.django_db

NAME = "Nguyễn Văn Thí Sinh"
PHONE = "0905 111 222"


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path):
    settings.PAGE_CACHE_GENERATION_FILE = tmp_path / "page_cache_generation"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world():
    return contest_world()


def html(response) -> str:
    return response.content.decode()


def detail_url(world) -> str:
    return f"/cuoc-thi/{world.contest.slug}/"


def register_data(world, **overrides) -> dict:
    data = {
        "name": NAME,
        "phone": PHONE,
        "email": "",
        "unit": world.commune.code,
        "group": "citizen",
        "consent": "1",
        "consent_version": services.CONSENT_VERSION,
    }
    data.update(overrides)
    return data


def register(client, world, **overrides):
    return client.post(detail_url(world) + "dang-ky/", register_data(world, **overrides))


def start(client, world, number: int = 1):
    return client.post(f"{detail_url(world)}dot-{number}/bat-dau/")


def registered_client(world, **overrides) -> Client:
    client = Client()
    response = register(client, world, **overrides)
    assert response.status_code == 303, html(response)
    return client


def started(world, **overrides) -> tuple[Client, Attempt]:
    client = registered_client(world, **overrides)
    response = start(client, world)
    assert response.status_code == 303
    attempt_id = response["Location"].rstrip("/").split("/")[-1]
    return client, Attempt.objects.get(pk=attempt_id)


def take_url(world, attempt) -> str:
    return f"{detail_url(world)}bai-thi/{attempt.pk}/"


def form_answers(attempt, answers: dict) -> dict:
    return {f"cau-{item}": ids for item, ids in answers.items()}


def close_round(round: Round) -> None:
    Round.objects.filter(pk=round.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    round.refresh_from_db()


# --------------------------------------------------------------------------- list, detail


def test_list_shows_published_contests_with_their_state_and_counts(client, world):
    participant_join(world, 1)
    response = client.get("/cuoc-thi/")
    assert response.status_code == 200
    page = html(response)
    assert world.contest.title in page
    assert f'href="{detail_url(world)}"' in page
    assert '<a href="/cuoc-thi/" aria-current="page">Cuộc thi</a>' in page
    closes = timezone.localtime(world.round.closes_at).strftime("%d/%m/%Y %H:%M")
    assert "Đang mở" in page and f"đến {closes}" in page
    assert "1 người đăng ký" in page
    assert 'href="/luyen-tap/"' in page


def test_list_and_detail_hide_unpublished_contests(client, world):
    services.contest_publish(actor=world.province_admin, contest=world.contest, published=False)
    assert world.contest.title not in html(client.get("/cuoc-thi/"))
    assert client.get(detail_url(world)).status_code == 404
    assert register(client, world).status_code == 404
    assert Participant.objects.count() == 0


def test_detail_shows_rounds_in_local_time_prizes_and_the_registration_form(client, world):
    response = client.get(detail_url(world))
    assert response.status_code == 200
    page = html(response)
    assert '<h1 class="ct-title">Cuộc thi tìm hiểu Luật Hôn nhân và gia đình</h1>' in page
    assert "Mỗi người dự thi một lần mỗi đợt." in page  # the rules
    for round in (world.round, world.next_round):
        assert timezone.localtime(round.opens_at).strftime("%d/%m/%Y %H:%M") in page
        assert timezone.localtime(round.closes_at).strftime("%d/%m/%Y %H:%M") in page
    assert "15 phút" in page and "Giải Nhất: 1 giải" in page and "Giải Nhì: 2 giải" in page
    assert "Sắp mở" in page and "Đang mở" in page
    # The form: labelled controls, the consent text in full and its version.
    assert f'action="/cuoc-thi/{world.contest.slug}/dang-ky/"' in page
    assert '<label for="dk-ten">Họ và tên</label>' in page
    assert services.CONSENT_TEXTS[services.CONSENT_VERSION] in page
    assert f'name="consent_version" value="{services.CONSENT_VERSION}"' in page
    assert f'<option value="{world.commune.code}">{world.commune.name}</option>' in page
    assert f'<option value="{world.province.code}"' not in page  # not a commune
    assert "<legend>Số điện thoại hoặc thư điện tử</legend>" in page
    assert "Bắt đầu làm bài" not in page


# --------------------------------------------------------------------------- registration


def test_registration_sets_the_cookie_and_shows_the_code_once(world):
    client = Client()
    response = register(client, world)
    assert response.status_code == 303
    assert response["Location"] == detail_url(world) + "#ma-du-thi"
    cookie = response.cookies[selectors.participant_cookie_name(world.contest)]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["secure"]
    assert int(cookie["max-age"]) >= 179 * 24 * 3600
    assert cookie["path"] == "/cuoc-thi/"
    token = cookie.value
    participant = Participant.objects.get()
    assert participant.phone == "0905111222" and participant.name == NAME
    assert services.participant_for_token(contest=world.contest, token=token) == participant
    page = html(client.get(detail_url(world)))
    assert "Đăng ký thành công" in page
    assert 'class="ct-code"' in page
    grouped = " ".join(token[i : i + 4] for i in range(0, len(token), 4))
    assert grouped in page
    assert "Bạn đang dự thi với tên Nguyễn V. T. Sinh" in page
    assert "Bắt đầu làm bài" in page
    assert f'action="/cuoc-thi/{world.contest.slug}/dot-1/bat-dau/"' in page
    assert 'id="dang-ky"' not in page  # no second registration
    assert response.get("Cache-Control") and "no-store" in response["Cache-Control"]
    # Later visits: the code is behind a disclosure, the success box is gone.
    again = html(client.get(detail_url(world)))
    assert "Đăng ký thành công" not in again
    assert "Xem mã dự thi của bạn" in again and grouped in again
    # Posting the form again from this device changes nothing.
    assert register(client, world, phone="0905 999 888").status_code == 303
    assert Participant.objects.count() == 1


BAD_REGISTRATIONS = [
    ("no-consent", {"consent": ""}, "consent", "Cần đồng ý với mục đích"),
    ("bad-phone", {"phone": "12345"}, "phone", "Số điện thoại không hợp lệ"),
    ("no-contact", {"phone": "", "email": ""}, "phone", "Cần số điện thoại hoặc thư điện tử"),
    ("bad-email", {"phone": "", "email": "khong-phai-email"}, "email", "không hợp lệ"),
    ("unknown-commune", {"unit": "99999"}, "unit", "Vui lòng chọn xã, phường."),
    ("province-not-commune", {"unit": "52"}, "unit", "Vui lòng chọn xã, phường."),
    ("bad-group", {"group": "alien"}, "group", "Nhóm đối tượng không hợp lệ."),
    ("script", {"name": "<script>alert(1)</script>"}, "name", "không được có ký tự &lt; hoặc &gt;"),
    ("no-name", {"name": "  "}, "name", "Vui lòng nhập họ và tên"),
]


@pytest.mark.parametrize(
    "overrides,field,message",
    [case[1:] for case in BAD_REGISTRATIONS],
    ids=[case[0] for case in BAD_REGISTRATIONS],
)
def test_bad_registration_is_refused_with_messages_and_nothing_stored(
    client, world, overrides, field, message
):
    response = register(client, world, **overrides)
    assert response.status_code == 400
    page = html(response)
    assert "Chưa đăng ký được" in page
    assert message in page
    ids = {"name": "dk-ten", "phone": "dk-dien-thoai", "email": "dk-thu", "unit": "dk-xa"}
    ids |= {"group": "dk-nhom", "consent": "dk-dong-y"}
    control = ids[field]
    # The summary links to the control; the control is marked and described by the error.
    assert f'href="#{control}"' in page
    assert f'id="{control}-error"' in page
    tag = re.search(rf'<(?:input|select)[^>]*id="{control}"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in tag and f"{control}-error" in tag
    # What was typed is kept (escaped).
    if "script" in overrides.get("name", ""):
        assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    elif "name" not in overrides:
        assert f'value="{NAME}"' in page
    assert "<script>alert(1)</script>" not in page
    assert Participant.objects.count() == 0
    assert selectors.participant_cookie_name(world.contest) not in response.cookies


def test_a_contest_for_one_area_lists_only_its_communes(client, world):
    services.contest_update(
        actor=world.province_admin,
        contest=world.contest,
        data=services.ContestInput(
            title=world.contest.title,
            unit=world.province.code,
            eligibility="unit",
            eligible_unit=world.other_commune.code,
        ),
    )
    page = html(client.get(detail_url(world)))
    assert f"Người sinh sống, học tập, làm việc tại {world.other_commune.name}" in page
    assert f'<option value="{world.other_commune.code}">' in page
    assert f'<option value="{world.commune.code}">' not in page
    refused = register(client, world)  # the commune of the form data is outside the area
    assert refused.status_code == 400
    assert "Cuộc thi này dành cho đối tượng khác" in html(refused)
    assert Participant.objects.count() == 0
    assert register(client, world, unit=world.other_commune.code).status_code == 303


def test_duplicate_phone_is_refused_and_the_first_registration_kept(client, world):
    participant_join(world, 1, phone="0905 111 222", name="Trần Thị Một")
    response = register(client, world, phone="+84905111222")
    assert response.status_code == 400
    assert "đã đăng ký cuộc thi" in html(response)
    assert Participant.objects.count() == 1
    assert Participant.objects.get().name == "Trần Thị Một"


def test_markup_in_the_name_reports_the_other_problems_too(client, world):
    response = register(client, world, name="<b>An</b>", phone="12", consent="")
    page = html(response)
    assert response.status_code == 400
    assert "không được có ký tự" in page
    assert "Số điện thoại không hợp lệ" in page and "Cần đồng ý" in page
    assert Participant.objects.count() == 0


def test_continue_on_another_device_with_the_code(world):
    first = Client()
    response = register(first, world)
    token = response.cookies[selectors.participant_cookie_name(world.contest)].value
    other = Client()
    page = html(other.get(detail_url(world)))
    assert "Tiếp tục trên thiết bị khác" in page and 'name="ma"' in page
    bad = other.post(detail_url(world) + "tiep-tuc/", {"ma": "khong-dung"})
    assert bad.status_code == 400
    assert "Mã dự thi không đúng" in html(bad)
    assert 'aria-invalid="true" aria-describedby="ma-tiep-tuc-error"' in html(bad)
    empty = other.post(detail_url(world) + "tiep-tuc/", {"ma": " "})
    assert "Vui lòng nhập mã dự thi." in html(empty)
    # The code as shown (groups of four) works.
    grouped = " ".join(token[i : i + 4] for i in range(0, len(token), 4))
    ok = other.post(detail_url(world) + "tiep-tuc/", {"ma": grouped})
    assert ok.status_code == 303
    assert ok.cookies[selectors.participant_cookie_name(world.contest)].value == token
    assert "Bạn đang dự thi với tên Nguyễn V. T. Sinh" in html(other.get(detail_url(world)))
    # Leaving forgets the participant on this device only.
    left = other.post(detail_url(world) + "thoat/")
    assert left.status_code == 303
    assert left.cookies[selectors.participant_cookie_name(world.contest)].value == ""
    assert "Bạn đang dự thi" in html(first.get(detail_url(world)))


def test_codes_cannot_be_tried_in_bulk(client, world):
    limit, _window = contest_views.RESUME_RATE
    for _ in range(limit):
        assert client.post(detail_url(world) + "tiep-tuc/", {"ma": "sai"}).status_code == 400
    refused = client.post(detail_url(world) + "tiep-tuc/", {"ma": "sai"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "quá nhiều lần" in html(refused)


def test_registration_closes_with_the_last_round(client, world):
    past = timezone.now() - timedelta(minutes=1)
    Round.objects.filter(contest=world.contest).update(
        opens_at=past - timedelta(days=1), closes_at=past
    )
    page = html(client.get(detail_url(world)))
    assert "Cuộc thi đã kết thúc, không nhận đăng ký nữa." in page
    assert 'id="dang-ky"' not in page
    refused = register(client, world)
    assert refused.status_code == 400
    assert Participant.objects.count() == 0


def test_a_code_of_another_contest_does_not_work(world):
    _, token = participant_join(world, 1)
    other_contest = services.contest_create(
        actor=world.province_admin,
        data=services.ContestInput(title="Cuộc thi khác về đất đai", unit=world.province.code),
    )
    Round.objects.create(
        contest=other_contest,
        number=1,
        title="Đợt 1",
        opens_at=timezone.now() - timedelta(hours=1),
        closes_at=timezone.now() + timedelta(days=1),
    )
    type(other_contest).objects.filter(pk=other_contest.pk).update(published=True)
    response = Client().post(f"/cuoc-thi/{other_contest.slug}/tiep-tuc/", {"ma": token})
    assert response.status_code == 400


# --------------------------------------------------------------------------- the attempt


def test_whole_path_register_start_save_submit_result(world):
    client = registered_client(world)
    first = start(client, world)
    second = start(client, world)  # a double click
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Attempt.objects.count() == 1
    attempt = Attempt.objects.get()
    assert first["Location"] == take_url(world, attempt)

    response = client.get(take_url(world, attempt))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    page = html(response)
    items = selectors.attempt_items(attempt)
    for item in items:
        assert item.stem in page
        assert f'name="cau-{item.id}"' in page
    assert page.count('type="radio"') == sum(len(i.choices) for i in items)
    assert "Theo bạn, bao nhiêu người trả lời đúng tất cả các câu?" in page
    deadline = timezone.localtime(attempt.deadline)
    assert f"<strong>{deadline:%H:%M}</strong> ngày {deadline:%d/%m/%Y}" in page
    token = client.cookies[selectors.participant_cookie_name(world.contest)].value
    assert f'data-token="{token}"' in page
    assert f'data-api="/api/v1/attempts/{attempt.pk}/answers"' in page
    assert 'role="timer" aria-live="off"' in page
    assert 'src="/static/contests/take.js"' in page and "<script>" not in page
    key = re.search(r'name="khoa" value="([0-9a-f]{32})"', page).group(1)

    answers = correct_answers(attempt)
    first_item = next(iter(answers))
    saved = client.post(
        take_url(world, attempt),
        {**form_answers(attempt, {first_item: answers[first_item]}), "luu": "1", "du-doan": "12"},
    )
    assert saved.status_code == 303
    assert saved["Location"] == take_url(world, attempt) + "?du-doan=12"
    attempt.refresh_from_db()
    assert attempt.answers[first_item] == answers[first_item]
    assert attempt.status == AttemptStatus.ACTIVE
    page = html(client.get(saved["Location"]))
    assert "Đã lưu bài lúc" in page
    assert re.search(f'value="{answers[first_item][0]}" checked', page)
    assert 'name="du-doan" value="12"' in page
    assert "Bạn đã trả lời 1/5 câu." in page

    submit = {**form_answers(attempt, answers), "nop": "1", "khoa": key, "du-doan": "12"}
    done = client.post(take_url(world, attempt), submit)
    assert done.status_code == 303
    result_url = take_url(world, attempt) + "ket-qua/"
    assert done["Location"] == result_url
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.correct == 5 and attempt.total == 5 and attempt.prediction == 12
    assert attempt.submit_key == key
    submitted_at = attempt.submitted_at

    # Submitting twice (a double click, a retry) is harmless: same attempt, same result.
    again = client.post(take_url(world, attempt), {**submit, f"cau-{first_item}": []})
    assert again.status_code == 303 and again["Location"] == result_url
    attempt.refresh_from_db()
    assert Attempt.objects.count() == 1
    assert attempt.submitted_at == submitted_at and attempt.correct == 5
    # The take page now leads to the result; starting again is refused (one attempt).
    assert client.get(take_url(world, attempt))["Location"] == result_url
    refused = start(client, world)
    assert refused["Location"] == detail_url(world) + "#dot-1"
    assert "hết 1 lượt dự thi" in html(client.get(detail_url(world)))

    result = client.get(result_url)
    assert result.status_code == 200
    assert "no-store" in result["Cache-Control"]
    page = html(result)
    assert '<span class="ct-score-number">5/5</span>' in page
    assert "Nộp lúc" in page and "giây" in page
    assert "Đáp án và giải thích từng câu được công bố sau khi đợt thi kết thúc" in page
    assert "Điều 8 Luật Hôn nhân và gia đình" not in page  # no explanations while open


def test_result_shows_answers_explanations_and_citations_after_the_round_closes(world):
    document = LegalDocumentFactory(number="52/2014/QH10", title="Luật Hôn nhân và gia đình")
    client, attempt = started(world)
    answers = correct_answers(attempt)
    wrong_item, *rest = list(answers)
    wrong_choice = next(c for c in Choice.objects.filter(item_id=wrong_item) if not c.is_correct).pk
    client.post(
        take_url(world, attempt),
        {
            **form_answers(attempt, {k: answers[k] for k in rest}),
            f"cau-{wrong_item}": [wrong_choice],
            "nop": "1",
        },
    )
    close_round(world.round)
    page = html(client.get(take_url(world, attempt) + "ket-qua/"))
    assert '<span class="ct-score-number">4/5</span>' in page
    assert page.count("Bạn trả lời đúng") == 4 and page.count("Bạn trả lời chưa đúng") == 1
    assert "(đáp án đúng, bạn chọn)" in page and "(bạn chọn)" in page
    assert "Điều 8 Luật Hôn nhân và gia đình: nữ từ đủ 18 tuổi trở lên." in page
    assert f'href="/van-ban/{document.eli}/"' in page or f"{document.eli}" in page
    assert "Điều 8 Luật Hôn nhân và gia đình số 52/2014/QH10" in page
    assert "Xem bảng xếp hạng" in page


def test_certificate_link_on_the_result_page(world):
    client, attempt = started(world)
    answers = form_answers(attempt, correct_answers(attempt))
    client.post(take_url(world, attempt), {**answers, "nop": "1"})
    assert "Giấy chứng nhận" not in html(client.get(take_url(world, attempt) + "ket-qua/"))
    close_round(world.round)
    results.certificates_issue(actor=world.province_admin, round=world.round)
    code = Certificate.objects.get(attempt=attempt).code
    page = html(client.get(take_url(world, attempt) + "ket-qua/"))
    assert f"mã {code}" in page
    assert f'href="/cuoc-thi/chung-nhan/{code}/"' in page


def test_another_participants_attempt_and_forged_ids_are_not_found(world):
    owner, attempt = started(world)
    stranger = registered_client(world, phone="0905 333 444", name="Lê Văn Khác")
    url = take_url(world, attempt)
    answers = form_answers(attempt, correct_answers(attempt))
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, {**answers, "nop": "1"}).status_code == 404
    assert stranger.get(url + "ket-qua/").status_code == 404
    assert Client().get(url).status_code == 404  # no cookie at all
    forged = f"{detail_url(world)}bai-thi/{uuid.uuid4()}/"
    assert owner.get(forged).status_code == 404
    assert owner.post(forged, {"nop": "1"}).status_code == 404
    assert owner.get(forged + "ket-qua/").status_code == 404
    assert owner.get(f"{detail_url(world)}bai-thi/khong-phai-uuid/").status_code == 404
    # A forged cookie is nobody.
    faked = Client()
    faked.cookies[selectors.participant_cookie_name(world.contest)] = "gia-mao"
    assert faked.get(url).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.ACTIVE and attempt.answers == {}
    # The owner still has it.
    assert owner.get(url).status_code == 200


def test_answers_after_the_deadline_are_refused_with_a_message(world):
    client, attempt = started(world)
    answers = correct_answers(attempt)
    first_item = next(iter(answers))
    client.post(
        take_url(world, attempt),
        {**form_answers(attempt, {first_item: answers[first_item]}), "luu": "1"},
    )
    past = timezone.now() - timedelta(minutes=1)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=past - timedelta(minutes=15), deadline=past
    )
    response = client.post(take_url(world, attempt), {**form_answers(attempt, answers), "luu": "1"})
    assert response.status_code == 303
    assert response["Location"] == take_url(world, attempt) + "ket-qua/"
    page = html(client.get(response["Location"]))
    assert "Đã hết giờ làm bài" in page
    assert "Hết giờ, tự nộp lúc" in page
    assert '<span class="ct-score-number">1/5</span>' in page  # only what was saved in time
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.EXPIRED and attempt.correct == 1
    assert {k for k, v in attempt.answers.items() if v} == {first_item}


def test_submit_after_the_deadline_keeps_the_answers_saved_in_time(world):
    client, attempt = started(world)
    past = timezone.now() - timedelta(minutes=1)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=past - timedelta(minutes=15), deadline=past
    )
    response = client.post(
        take_url(world, attempt), {**form_answers(attempt, correct_answers(attempt)), "nop": "1"}
    )
    assert response["Location"] == take_url(world, attempt) + "ket-qua/"
    assert "Đã hết giờ làm bài" in html(client.get(response["Location"]))
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.EXPIRED and attempt.correct == 0


def test_opening_the_attempt_after_the_deadline_closes_it(world):
    client, attempt = started(world)
    past = timezone.now() - timedelta(seconds=30)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=past - timedelta(minutes=15), deadline=past
    )
    response = client.get(take_url(world, attempt))
    assert response["Location"] == take_url(world, attempt) + "ket-qua/"
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.EXPIRED and attempt.graded_at is not None


def test_malformed_answers_are_refused_and_nothing_changes(world):
    client, attempt = started(world)
    item = attempt.draw[0]["item"]
    other_item_choice = attempt.draw[1]["choices"][0]
    bad = client.post(take_url(world, attempt), {f"cau-{item}": ["abc"], "luu": "1"})
    assert bad.status_code == 400
    assert "Phương án trả lời không hợp lệ" in html(bad)
    foreign = client.post(
        take_url(world, attempt), {f"cau-{item}": [other_item_choice], "luu": "1"}
    )
    assert foreign.status_code == 400
    assert "Phương án không thuộc câu hỏi này." in html(foreign)
    prediction = client.post(take_url(world, attempt), {"du-doan": "nhiều", "nop": "1"})
    assert prediction.status_code == 400
    page = html(prediction)
    assert 'href="#du-doan"' in page and 'id="du-doan-error"' in page
    attempt.refresh_from_db()
    assert attempt.answers == {} and attempt.status == AttemptStatus.ACTIVE


def test_start_needs_registration_and_an_open_round(client, world):
    response = start(client, world)
    assert response["Location"] == detail_url(world) + "#dang-ky"
    assert "Vui lòng đăng ký dự thi trước khi làm bài." in html(client.get(detail_url(world)))
    registered = registered_client(world)
    upcoming = start(registered, world, number=2)
    assert upcoming["Location"] == detail_url(world) + "#dot-2"
    assert "Đợt thi chưa mở." in html(registered.get(detail_url(world)))
    assert start(registered, world, number=9).status_code == 404
    assert Attempt.objects.count() == 0


def test_checkboxes_for_items_with_several_correct_choices(world):
    multi = item_approved(world, 50, correct=[0, 1])
    Round.objects.filter(pk=world.round.pk).update(opens_at=timezone.now() + timedelta(hours=1))
    world.round.refresh_from_db()
    services.round_pool_set(actor=world.province_admin, round=world.round, items=[multi])
    world.round.draw_rules.all().delete()
    Round.objects.filter(pk=world.round.pk).update(opens_at=timezone.now() - timedelta(hours=1))
    client, attempt = started(world)
    page = html(client.get(take_url(world, attempt)))
    assert page.count('type="checkbox"') == 4
    assert "chọn tất cả phương án đúng" in page
    assert 'aria-describedby="cau-1-hint"' in page
    ids = [c.pk for c in multi.choices.filter(is_correct=True)]
    client.post(take_url(world, attempt), {f"cau-{multi.pk}": ids, "nop": "1"})
    attempt.refresh_from_db()
    assert attempt.correct == 1 and attempt.total == 1


# --------------------------------------------------------------------------- leaderboard


def _finish(world, n: int, *, unit=None, correct: bool = True) -> Participant:
    participant, _ = participant_join(world, n, unit=unit)
    attempt = services.attempt_start(round=world.round, participant=participant)
    answers = correct_answers(attempt) if correct else {}
    services.attempt_submit(attempt=attempt, participant=participant, answers=answers)
    return participant


def test_leaderboard_waits_for_the_round_to_close(client, world):
    _finish(world, 1)
    page = html(client.get(f"{detail_url(world)}dot-1/xep-hang/"))
    assert "Bảng xếp hạng được công bố sau khi đợt thi kết thúc" in page
    assert "Nguyễn V. T. S" not in page and "<table" not in page


def test_leaderboard_shows_no_personal_data_and_filters_by_commune(client, world, monkeypatch):
    first = _finish(world, 1)
    second = _finish(world, 2, unit=world.other_commune, correct=False)
    Participant.objects.filter(pk=first.pk).update(email="an@example.vn")
    close_round(world.round)
    url = f"{detail_url(world)}dot-1/xep-hang/"
    response = client.get(url)
    assert response.status_code == 200
    page = html(response)
    assert page.count("<tr>") == 3  # header + 2
    assert "Nguyễn V. T. S. 1" in page and "Nguyễn V. T. S. 2" in page
    for p in (first, second):
        assert p.name not in page  # never the full name
        assert p.phone not in page
    assert "an@example.vn" not in page
    assert page.index("Nguyễn V. T. S. 1") < page.index("Nguyễn V. T. S. 2")
    assert "5/5" in page and "0/5" in page
    assert world.commune.name in page and world.other_commune.name in page
    assert '<th scope="col">Hạng</th>' in page
    # One commune: ranks stay those of the whole round.
    only = html(client.get(url, {"don-vi": world.other_commune.code}))
    assert "Nguyễn V. T. S. 2" in only and "Nguyễn V. T. S. 1" not in only
    assert '<td class="ct-rank">2</td>' in only
    unknown = html(client.get(url, {"don-vi": "00000"}))
    assert "Không có người dự thi nào ở đơn vị đã chọn" in unknown
    assert "Nguyễn V. T. S. 1" in unknown
    # Paged (50 a page; 1 here).
    monkeypatch.setattr(contest_views, "LEADERBOARD_PER_PAGE", 1)
    paged = html(client.get(url))
    assert paged.count("<tr>") == 2 and 'href="?trang=2"' in paged
    assert "Nguyễn V. T. S. 2" in html(client.get(url, {"trang": "2"}))
    assert client.get(url, {"trang": "3"}).status_code == 404
    assert client.get(url, {"trang": "x"}).status_code == 404


def test_leaderboard_opens_when_results_are_published(client, world):
    _finish(world, 1)
    Round.objects.filter(pk=world.round.pk).update(results_published_at=timezone.now())
    assert "Nguyễn V. T. S. 1" in html(client.get(f"{detail_url(world)}dot-1/xep-hang/"))


# --------------------------------------------------------------------------- certificates


def test_certificate_verification_shows_the_holder_and_refuses_unknown_codes(client, world):
    participant = _finish(world, 1)
    _finish(world, 2, correct=False)  # below the threshold: no certificate
    close_round(world.round)
    assert results.certificates_issue(actor=world.province_admin, round=world.round) == 1
    code = Certificate.objects.get().code
    assert Certificate.objects.get().attempt.participant == participant
    page = html(client.get("/cuoc-thi/chung-nhan/"))
    assert '<label for="ma-chung-nhan">Mã giấy chứng nhận</label>' in page
    typed = " " + code.lower().replace("-", " ") + " "
    found = client.get("/cuoc-thi/chung-nhan/", {"ma": typed})
    assert found.status_code == 303
    assert found["Location"] == f"/cuoc-thi/chung-nhan/{code}/"
    sloppy = client.get(f"/cuoc-thi/chung-nhan/{code.lower()}/")
    assert sloppy.status_code == 301 and sloppy["Location"] == found["Location"]
    response = client.get(found["Location"])
    assert response.status_code == 200
    page = html(response)
    assert "hợp lệ" in page
    assert participant.name in page  # a verifier needs the full name
    assert participant.phone not in page
    assert world.contest.title in page and world.round.title in page
    assert "5/5 câu đúng (100%)" in page
    missing = client.get("/cuoc-thi/chung-nhan/CN-00000-00000/")
    assert missing.status_code == 404
    assert "Không có giấy chứng nhận nào mang mã" in html(missing)
    bad = client.get("/cuoc-thi/chung-nhan/", {"ma": "<>"})
    assert bad.status_code == 400 and "không đúng dạng" in html(bad)


def test_certificate_pdf(client, world):
    participant = _finish(world, 1)
    close_round(world.round)
    results.certificates_issue(actor=world.province_admin, round=world.round)
    certificate = Certificate.objects.get(attempt__participant=participant)
    response = client.get(f"/cuoc-thi/chung-nhan/{certificate.code}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get("/cuoc-thi/chung-nhan/CN-00000-00000/pdf/").status_code == 404


# --------------------------------------------------------------------------- practice


def _practice_question(page: str) -> tuple[str, Item]:
    state = re.search(r'name="tt" value="([^"]+)"', page).group(1)
    stem = re.search(r'<span class="ct-q-stem">([^<]+)</span>', page).group(1)
    item = Item.objects.get(pk=PracticeState.loads(state, field_code=CODE).current)
    assert item.stem.replace("\n", " ").startswith(stem[:20])
    return state, item


CODE = "hon-nhan-va-gia-dinh"
PRACTICE_ALL = "tat-ca"


@pytest.fixture
def practice_items(world) -> list[Item]:
    """Eight approved items in no round (the world's items are in live rounds' pools,
    which practice leaves out): four of the marriage field, four of land."""
    return [item_approved(world, n) for n in range(100, 108)]


def test_practice_index_lists_fields_with_counts(client, world, practice_items):
    page = html(client.get("/luyen-tap/"))
    assert f'href="/luyen-tap/{CODE}/"' in page
    assert "Hôn nhân và gia đình" in page and "4 câu hỏi" in page  # 8 items, half each
    assert 'href="/luyen-tap/tat-ca/"' in page and "8 câu hỏi" in page
    assert client.get("/luyen-tap/khong-co/").status_code == 404


def test_practice_flow_answers_explains_and_never_repeats(client, world, practice_items):
    document = LegalDocumentFactory(number="52/2014/QH10", title="Luật Hôn nhân và gia đình")
    response = client.get(f"/luyen-tap/{CODE}/")
    assert response.status_code == 200
    state, item = _practice_question(html(response))
    assert "Câu 1/10" in html(response)
    wrong = item.choices.filter(is_correct=False).first()
    answer = client.post(f"/luyen-tap/{CODE}/", {"tt": state, "chon": [wrong.pk]})
    assert answer.status_code == 200
    page = html(answer)
    assert "Chưa đúng." in page
    assert 'Đủ 18 tuổi <span class="ct-choice-tags">(đáp án đúng)</span>' in page
    assert f'{wrong.text} <span class="ct-choice-tags">(bạn chọn)</span>' in page
    assert "Điều 8 Luật Hôn nhân và gia đình: nữ từ đủ 18 tuổi trở lên." in page
    assert document.eli in page  # the citation links into the library
    assert "Đã đúng 0/1 câu" in page
    seen = {item.pk}
    next_state = re.search(r'name="tt" value="([^"]+)"', page).group(1)
    for n in range(2, 5):  # the field has 4 items
        question = client.get(f"/luyen-tap/{CODE}/", {"tt": next_state})
        state, item = _practice_question(html(question))
        assert f"Câu {n}/10" in html(question)
        assert item.pk not in seen
        # Never an item of a round that has not closed yet (kept for the contest).
        assert item in practice_items
        seen.add(item.pk)
        correct = list(item.choices.filter(is_correct=True).values_list("pk", flat=True))
        page = html(client.post(f"/luyen-tap/{CODE}/", {"tt": state, "chon": correct}))
        assert "Chính xác!" in page and f"Đã đúng {n - 1}/{n} câu" in page
        next_state = re.search(r'name="tt" value="([^"]+)"', page).group(1)
    assert "Xem kết quả" in page  # no item left in the field
    summary = html(client.get(f"/luyen-tap/{CODE}/", {"tt": next_state}))
    assert '<span class="ct-score-number">3/4</span>' in summary
    assert f'href="/luyen-tap/{CODE}/"' in summary and "Làm lại" in summary


def test_practice_stops_after_ten_questions(client, world, practice_items):
    for n in range(20, 32):
        item_approved(world, n)
    url = f"/luyen-tap/{PRACTICE_ALL}/"
    page = html(client.get(url))
    seen = set()
    for _ in range(10):
        raw = re.search(r'name="tt" value="([^"]+)"', page).group(1)
        item = Item.objects.get(pk=PracticeState.loads(raw, field_code=PRACTICE_ALL).current)
        assert item.pk not in seen
        seen.add(item.pk)
        correct = list(item.choices.filter(is_correct=True).values_list("pk", flat=True))
        page = html(client.post(url, {"tt": raw, "chon": correct}))
        next_state = re.search(r'name="tt" value="([^"]+)"', page).group(1)
        page = html(client.get(url, {"tt": next_state}))
    assert "Kết quả luyện tập: Mọi lĩnh vực" in page
    assert '<span class="ct-score-number">10/10</span>' in page


def test_practice_forged_state_starts_a_clean_session(client, world, practice_items):
    page = html(client.get(f"/luyen-tap/{CODE}/"))
    state, item = _practice_question(page)
    correct = list(item.choices.filter(is_correct=True).values_list("pk", flat=True))
    # A tampered signature, a state of another field, a made-up score.
    forged = [
        state[:-3] + ("AAA" if not state.endswith("AAA") else "BBB"),
        PracticeState(field="dat-dai", current=item.pk).dumps(),
        "eyJmIjoiaG9uIn0:forged:sig",
    ]
    for bad in forged:
        response = client.post(f"/luyen-tap/{CODE}/", {"tt": bad, "chon": correct})
        assert response.status_code == 303
        assert response["Location"] == f"/luyen-tap/{CODE}/"
        fresh = html(client.get(response["Location"]))
        assert "Bắt đầu lượt mới" in fresh and "Câu 1/10" in fresh
        assert client.get(f"/luyen-tap/{CODE}/", {"tt": bad}).status_code == 303
    # A genuine state cannot be replayed as a different field.
    assert PracticeState.loads(state, field_code="dat-dai") is None


def test_practice_without_a_choice_asks_again(client, world, practice_items):
    state, item = _practice_question(html(client.get(f"/luyen-tap/{CODE}/")))
    response = client.post(f"/luyen-tap/{CODE}/", {"tt": state})
    assert response.status_code == 400
    page = html(response)
    assert "Vui lòng chọn một phương án" in page and item.stem in page
    assert 'href="#luyen-tap-cau"' in page
    foreign = client.post(f"/luyen-tap/{CODE}/", {"tt": state, "chon": ["999999"]})
    assert foreign.status_code == 400
