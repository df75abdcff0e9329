"""Reads of the Legal Q&A: published questions for the public, the tracking view for the
asker, the back-office queue (only the questions the user may act on)."""

from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from pbgdpl.core.text import fold
from pbgdpl.laws.selectors import CitationLink, citation_links
from pbgdpl.people.permissions import filter_permitted
from pbgdpl.people.reach import ReachRecord, reach_keys, reach_period_bounds

from .models import OPEN_STATUSES, AnswerCitation, Question, QuestionStatus


def question_slug(question: Question) -> str:
    """The readable part of a published question's address (from its public title)."""
    return slugify(fold(question.title))[:80] or "cau-hoi"


def question_url(question: Question) -> str:
    """The public address of a published question."""
    return reverse("qa:detail", kwargs={"pk": question.pk, "slug": question_slug(question)})


def questions_published() -> QuerySet[Question]:
    """Published questions, newest first, with what lists and pages show of them."""
    return (
        Question.objects.published()
        .select_related("legal_field")
        .prefetch_related("audiences", Prefetch("citations", AnswerCitation.objects.all()))
        .order_by("-published_at", "-id")
    )


def questions_published_by_id(ids: list[str]) -> QuerySet[Question]:
    """The published questions among ``ids`` (strings; others ignored)."""
    pks = [int(i) for i in ids if str(i).isdigit()]
    return questions_published().filter(pk__in=pks)


def question_ids_published() -> QuerySet:
    return Question.objects.published().order_by("pk").values_list("pk", flat=True)


def question_published_get(pk: int) -> Question | None:
    return questions_published().filter(pk=pk).first()


def question_citations(question: Question) -> list[CitationLink]:
    """The answer's legal grounds with links into the library."""
    return citation_links(list(question.citations.all()))


def questions_related(question: Question, *, limit: int = 5) -> list[Question]:
    """Other published questions of the same field, newest first."""
    return list(
        questions_published()
        .filter(legal_field_id=question.legal_field_id)
        .exclude(pk=question.pk)[:limit]
    )


def question_by_code(code: str) -> Question | None:
    """The question with this tracking code (as typed: case, dashes, O/0 forgiven)."""
    from .services import tracking_code_normalize

    normalized = tracking_code_normalize(code)
    if not normalized:
        return None
    return (
        Question.objects.select_related("legal_field", "unit", "duplicate_of")
        .filter(code=normalized)
        .first()
    )


# What the asker sees: the review step is internal ("assigned" until approved).
PUBLIC_STATUS = {
    QuestionStatus.RECEIVED: "received",
    QuestionStatus.ASSIGNED: "assigned",
    QuestionStatus.REVIEW: "assigned",
    QuestionStatus.ANSWERED: "answered",
    QuestionStatus.PUBLISHED: "published",
    QuestionStatus.DECLINED: "declined",
}


def question_tracking(question: Question) -> dict[str, Any]:
    """What the holder of a tracking code may read: status, dates, and the answer once it
    is approved. A merged question shows the answer of the question it was merged into.
    Never the name, e-mail or phone (the asker knows them; a leaked code must not tell)."""
    followed = question
    while followed.duplicate_of_id is not None:
        followed = followed.duplicate_of
    status = PUBLIC_STATUS[QuestionStatus(followed.status)]
    labels = {
        "received": QuestionStatus.RECEIVED.label,
        "assigned": QuestionStatus.ASSIGNED.label,
        "answered": QuestionStatus.ANSWERED.label,
        "published": QuestionStatus.PUBLISHED.label,
        "declined": QuestionStatus.DECLINED.label,
    }
    answered = status in ("answered", "published")
    return {
        "code": question.code,
        "status": status,
        "status_label": str(labels[status]),
        "merged_into": followed.code if followed.pk != question.pk else None,
        "legal_field": question.legal_field.name,
        "received_at": question.received_at,
        "due_on": question.due_on,
        "answered_at": followed.answered_at if answered else None,
        "question": question.text,
        "answer": followed.answer if answered else "",
        "citations": question_citations(followed) if answered else [],
        "decline_reason": followed.decline_reason if status == "declined" else "",
        "url": question_url(followed) if status == "published" else "",
        "personal_data_erased": question.personal_data_erased_at is not None,
        "has_personal_data": question.has_personal_data,
    }


def overdue_q(*, today=None) -> Q:
    """Open questions whose deadline has passed."""
    day = today or timezone.localdate()
    return Q(status__in=OPEN_STATUSES, due_on__lt=day)


def questions_queue(user: Any) -> QuerySet[Question]:
    """Every question ``user`` may work on in the back office: those of the communes where
    they triage or approve, and those assigned to them where they answer."""
    base = Question.objects.select_related("legal_field", "unit", "assignee")
    triage = filter_permitted(user, "qa.triage", base).values("pk")
    approve = filter_permitted(user, "qa.approve", base).values("pk")
    answer = filter_permitted(user, "qa.answer", base.filter(assignee_id=user.pk)).values("pk")
    return base.filter(Q(pk__in=triage) | Q(pk__in=approve) | Q(pk__in=answer))


SUGGEST_MIN_CHARS = 12


def qa_suggestions(text: str, *, limit: int = 3) -> dict[str, list[dict]]:
    """What to read before asking: published answers similar to ``text`` and the legal
    articles (document articles and Pháp điển) most relevant to it, from the one search.

    Returns ``{"answers": [...], "articles": [...]}``, each item with ``title``, ``url``
    and ``snippet`` (escaped HTML); both empty for a text too short to tell."""
    from pbgdpl.search.selectors import SearchInputError, SearchRequest, search_run

    text = (text or "").strip()[:1000]
    if len(text) < SUGGEST_MIN_CHARS:
        return {"answers": [], "articles": []}
    out: dict[str, list[dict]] = {}
    for key, kind in (("answers", "qa"), ("articles", "provision")):
        try:
            found = search_run(SearchRequest(q=text, kind=kind, limit=limit)).results
        except SearchInputError:  # the kind is not registered on this node
            found = []
        out[key] = [
            {"title": r["title"], "url": r["url"], "snippet": r.get("snippet", "")} for r in found
        ]
    return out


def qa_reach_records(*, date_from: date, date_to: date) -> list[ReachRecord]:
    """The askers of the questions received in the local days ``date_from``..``date_to``
    (both included), for the "persons reached digitally" indicators (source "qa").

    One record per question (any status: a declined or merged question was still asked),
    ``on`` the day it was received, ``unit_id`` the commune the asker gave, ``keys`` the
    hashed phone and e-mail of the asker. A question whose personal data was erased (on
    request or after the retention period) has no keys and gives no record: erasure lowers
    the counts of past periods unless the indicators stored their values before."""
    start, end = reach_period_bounds(date_from, date_to)
    rows = (
        Question.objects.filter(received_at__gte=start, received_at__lt=end)
        .exclude(asker_phone="", asker_email="")
        .order_by("received_at", "pk")
        .values_list("asker_phone", "asker_email", "unit_id", "received_at")
    )
    records = []
    for phone, email, unit_id, received_at in rows.iterator(chunk_size=2000):
        keys = reach_keys(phone=phone, email=email)
        if keys:
            records.append(
                ReachRecord(
                    keys=keys, unit_id=unit_id, on=timezone.localdate(received_at), source="qa"
                )
            )
    return records
