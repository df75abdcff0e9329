"""The learner's quiz form as posted: ``cau-<item id>`` fields with the chosen choice ids
(a radio, or checkboxes when several choices are correct) and the attempt id."""

from django.http import QueryDict

ANSWER_PREFIX = "cau-"
ATTEMPT_FIELD = "luot"
MAX_FIELDS = 500


def quiz_answers_from_post(post: QueryDict) -> dict[str, list[str]]:
    """``{item id: [choice ids as posted]}`` for every ``cau-<id>`` field — whatever the
    ids are: the service checks them against the attempt and refuses strangers."""
    answers: dict[str, list[str]] = {}
    for key in list(post.keys())[:MAX_FIELDS]:
        if key.startswith(ANSWER_PREFIX):
            answers[key[len(ANSWER_PREFIX) :][:20]] = [v[:20] for v in post.getlist(key)]
    return answers


def attempt_id_from_post(post: QueryDict) -> int | None:
    raw = str(post.get(ATTEMPT_FIELD, ""))
    return int(raw) if raw.isdigit() and len(raw) < 12 else None
