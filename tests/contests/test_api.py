"""The contest API over HTTP: register, start (idempotent), save, submit (idempotent with
Idempotency-Key), the deadline, the leaderboard, and every refusal: no token, a forged
or someone else's attempt id, answers that do not belong to the attempt, late answers."""

import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from pbgdpl.contests.models import Attempt, AttemptStatus, Participant, Round
from tests.contests.factories import contest_world, correct_answers

pytestmark = pytest.mark.django_db


def register(client, world, n=1, **overrides):
    body = {
        "name": f"Trần Thị Dự Thi {n}",
        "unit": world.commune.code,
        "phone": f"0912{n:06d}",
        "consent": True,
    }
    body.update(overrides)
    return client.post(
        f"/api/v1/contests/{world.contest.pk}/participants",
        data=json.dumps(body),
        content_type="application/json",
    )


def headers(token, **extra):
    return {"HTTP_X_PARTICIPANT_TOKEN": token, **extra}


def start(client, world, token):
    return client.post(
        f"/api/v1/contests/{world.contest.pk}/attempts",
        data="{}",
        content_type="application/json",
        **headers(token),
    )


def test_the_whole_path_start_save_submit(client):
    world = contest_world()
    response = register(client, world)
    assert response.status_code == 201, response.content
    token = response.json()["token"]
    first = start(client, world, token)
    assert first.status_code == 201
    body = first.json()
    assert len(body["items"]) == 5 and body["seconds_left"] > 800
    assert "is_correct" not in json.dumps(body)
    again = start(client, world, token)  # a double click
    assert again.status_code == 200 and again.json()["attempt_id"] == body["attempt_id"]
    attempt = Attempt.objects.get(pk=body["attempt_id"])
    answers = correct_answers(attempt)
    url = f"/api/v1/attempts/{attempt.pk}"
    saved = client.put(
        url + "/answers",
        data=json.dumps({"answers": dict(list(answers.items())[:2])}),
        content_type="application/json",
        **headers(token),
    )
    assert saved.status_code == 200 and saved.json()["saves"] == 1
    resumed = client.get(url, **headers(token)).json()
    assert sum(1 for i in resumed["items"] if i["selected"]) == 2
    submit = client.post(
        url + "/submit",
        data=json.dumps({"answers": answers, "prediction": 12}),
        content_type="application/json",
        **headers(token, HTTP_IDEMPOTENCY_KEY="abc"),
    )
    assert submit.status_code == 200
    result = submit.json()
    assert result["status"] == "submitted" and result["correct"] == 5 and result["graded"]
    repeat = client.post(
        url + "/submit",
        data=json.dumps({"answers": {}}),
        content_type="application/json",
        **headers(token, HTTP_IDEMPOTENCY_KEY="abc"),
    )
    assert repeat.status_code == 200 and repeat.json() == result
    late_save = client.put(
        url + "/answers",
        data=json.dumps({"answers": {}}),
        content_type="application/json",
        **headers(token),
    )
    assert late_save.status_code == 409 and late_save.json()["code"] == "closed"
    assert Attempt.objects.filter(participant__contest=world.contest).count() == 1


def test_no_token_forged_and_foreign_attempts_are_refused(client):
    world = contest_world()
    token = register(client, world, 1).json()["token"]
    other = register(client, world, 2).json()["token"]
    response = client.post(
        f"/api/v1/contests/{world.contest.pk}/attempts", data="{}", content_type="application/json"
    )
    assert response.status_code == 401
    attempt_id = start(client, world, token).json()["attempt_id"]
    for bad_id, tok in [(attempt_id, other), (str(uuid.uuid4()), token), ("../1", token)]:
        response = client.post(
            f"/api/v1/attempts/{bad_id}/submit",
            data="{}",
            content_type="application/json",
            **headers(tok),
        )
        assert response.status_code == 404, bad_id
    # A cookie alone does not authorise the API (no CSRF through the cookie).
    client.cookies[f"cuoc-thi-{world.contest.pk}"] = token
    response = client.put(
        f"/api/v1/attempts/{attempt_id}/answers",
        data=json.dumps({"answers": {}}),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert Attempt.objects.get(pk=attempt_id).status == AttemptStatus.ACTIVE


def test_answers_outside_the_attempt_are_refused_and_nothing_changes(client):
    world = contest_world()
    token = register(client, world).json()["token"]
    body = start(client, world, token).json()
    url = f"/api/v1/attempts/{body['attempt_id']}/answers"
    item = body["items"][0]
    good = {str(item["id"]): [item["choices"][0]["id"]]}
    assert (
        client.put(
            url,
            data=json.dumps({"answers": good}),
            content_type="application/json",
            **headers(token),
        ).status_code
        == 200
    )
    for bad in [
        {"answers": {"999999": [1]}},
        {"answers": {str(item["id"]): [999999]}},
        {"answers": {str(item["id"]): "x"}},
        {"answers": "nope"},
    ]:
        response = client.put(
            url, data=json.dumps(bad), content_type="application/json", **headers(token)
        )
        assert response.status_code == 422, bad
        assert response.json()["detail"]
    assert Attempt.objects.get(pk=body["attempt_id"]).answers == good


def test_after_the_deadline_the_attempt_closes_with_what_was_saved(client):
    world = contest_world()
    token = register(client, world).json()["token"]
    body = start(client, world, token).json()
    attempt = Attempt.objects.get(pk=body["attempt_id"])
    answers = correct_answers(attempt)
    one = dict(list(answers.items())[:1])
    client.put(
        f"/api/v1/attempts/{attempt.pk}/answers",
        data=json.dumps({"answers": one}),
        content_type="application/json",
        **headers(token),
    )
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=30))
    response = client.post(
        f"/api/v1/attempts/{attempt.pk}/submit",
        data=json.dumps({"answers": answers}),
        content_type="application/json",
        **headers(token),
    )
    assert response.status_code == 200
    assert response.json()["status"] == "expired" and response.json()["correct"] == 1


def test_registration_bad_input_and_duplicates(client):
    world = contest_world()
    response = register(client, world, 1, consent=False, phone="12", unit="nope")
    assert response.status_code == 422
    assert set(response.json()["errors"]) >= {"consent", "phone", "unit"}
    assert register(client, world, 1).status_code == 201
    dup = register(client, world, 2, phone="+84 912 000 001")
    assert dup.status_code == 422 and "phone" in dup.json()["errors"]
    script = register(client, world, 3, name="<script>alert(1)</script>Lê Văn Ba")
    assert script.status_code == 422 and "< hoặc >" in script.json()["errors"]["name"]
    assert Participant.objects.filter(contest=world.contest).count() == 1


def test_leaderboard_waits_for_the_round_to_close(client):
    world = contest_world()
    token = register(client, world).json()["token"]
    attempt_id = start(client, world, token).json()["attempt_id"]
    attempt = Attempt.objects.get(pk=attempt_id)
    client.post(
        f"/api/v1/attempts/{attempt_id}/submit",
        data=json.dumps({"answers": correct_answers(attempt)}),
        content_type="application/json",
        **headers(token),
    )
    url = f"/api/v1/contests/{world.contest.pk}/leaderboard?round=1"
    assert client.get(url).status_code == 409
    Round.objects.filter(pk=world.round.pk).update(closes_at=timezone.now())
    body = client.get(url).json()
    assert body["count"] == 1
    assert body["results"][0]["name"] == "Trần T. D. T. 1"
    assert "0912" not in json.dumps(body)
    assert client.get(url + f"&unit={world.other_commune.code}").json()["count"] == 0
    assert client.get(url + "&unit=nope").status_code == 404


def test_start_is_refused_before_and_after_the_round(client):
    world = contest_world()
    token = register(client, world).json()["token"]
    response = client.post(
        f"/api/v1/contests/{world.contest.pk}/attempts",
        data=json.dumps({"round": 2}),
        content_type="application/json",
        **headers(token),
    )
    assert response.status_code == 409 and response.json()["code"] == "round_upcoming"
    Round.objects.filter(pk=world.round.pk).update(closes_at=timezone.now())
    response = start(client, world, token)
    assert response.status_code == 409
    assert Attempt.objects.count() == 0
