"""The Q&A's shareable type ("qa.answer": every published question and answer, without
any personal data), registered with exchange in AppConfig.ready()."""

import uuid

from django.conf import settings
from django.utils.timezone import localtime

from pbgdpl.exchange.registry import ExchangeType, SharedRecord, register
from pbgdpl.portal.seo import ORGANIZATION_NAME

from .selectors import question_ids_published, question_url, questions_published_by_id
from .services import EXCHANGE_TYPE

QUESTION_NAMESPACE = uuid.UUID("0b7c5d8e-3f5a-4c1e-9d62-2a4e8f6b1c93")

QUESTION_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Hỏi đáp pháp luật đã công khai",
    "type": "object",
    "required": ["title", "question", "answer", "field", "answered_on", "url", "citations"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1, "maxLength": 200},
        "question": {"type": "string", "minLength": 1},
        "answer": {"type": "string", "minLength": 1},
        "field": {"type": "string", "maxLength": 200},
        "audiences": {"type": "array", "items": {"type": "string"}},
        "answered_on": {"type": "string", "format": "date"},
        "published_on": {"type": "string", "format": "date"},
        "url": {"type": "string", "format": "uri", "maxLength": 600},
        "citations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["number"],
                "additionalProperties": False,
                "properties": {
                    "number": {"type": "string"},
                    "title": {"type": "string"},
                    "article": {"type": "string"},
                    "detail": {"type": "string"},
                },
            },
        },
    },
}


def question_item_uuid(question) -> uuid.UUID:
    """The item id of a question: from its tracking code, which never changes."""
    return uuid.uuid5(QUESTION_NAMESPACE, question.code)


def questions_fetch(ids: list[str]) -> list[SharedRecord]:
    base = settings.SITE_BASE_URL.rstrip("/")
    out = []
    for question in questions_published_by_id(ids):
        out.append(
            SharedRecord(
                local_id=str(question.pk),
                uuid=question_item_uuid(question),
                updated_at=question.updated_at,
                data={
                    "title": question.title,
                    "question": question.public_question,
                    "answer": question.answer,
                    "field": question.legal_field.name,
                    "audiences": sorted(a.name for a in question.audiences.all()),
                    "answered_on": localtime(question.answered_at).date().isoformat(),
                    "published_on": localtime(question.published_at).date().isoformat(),
                    "url": base + question_url(question),
                    "citations": [
                        {
                            "number": c.number,
                            "title": c.title,
                            "article": c.article,
                            "detail": c.detail,
                        }
                        for c in question.citations.all()
                    ],
                },
            )
        )
    return out


def _dublin_core(data: dict) -> dict[str, list[str]]:
    return {
        "title": [data["title"]],
        "description": [data["question"]],
        "identifier": [data["url"]],
        "type": ["Hỏi đáp pháp luật"],
        "date": [data["answered_on"]],
        "subject": [data["field"]],
        "language": ["vi"],
        "publisher": [ORGANIZATION_NAME],
    }


def register_all() -> None:
    register(
        ExchangeType(
            name=EXCHANGE_TYPE,
            title="Hỏi đáp pháp luật",
            schema=QUESTION_SCHEMA,
            fetch=questions_fetch,
            all_ids=question_ids_published,
            dublin_core=_dublin_core,
        )
    )
