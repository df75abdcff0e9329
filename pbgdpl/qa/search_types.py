"""The Q&A's searchable type ("qa.answer", kind "qa": every published question with its
answer), registered with search in AppConfig.ready()."""

from django.utils.timezone import localtime

from pbgdpl.search.registry import IndexDocument, SearchType, register, register_kind_label

from .selectors import question_ids_published, question_url, questions_published_by_id
from .services import SEARCH_TYPE


def questions_fetch(ids: list[str]) -> list[IndexDocument]:
    out = []
    for question in questions_published_by_id(ids):
        out.append(
            IndexDocument(
                type=SEARCH_TYPE,
                id=str(question.pk),
                kind="qa",
                title=question.title,
                body=f"{question.public_question}\n{question.answer}",
                context=question.legal_field.name,
                numbers=tuple(sorted({c.number for c in question.citations.all()})),
                fields=(question.legal_field.code,),
                year=question.published_at.year if question.published_at else None,
                data={
                    "url": question_url(question),
                    "qa": {
                        "field": question.legal_field.name,
                        "answered_on": localtime(question.answered_at).date().isoformat(),
                        "answered_label": localtime(question.answered_at).strftime("%d/%m/%Y"),
                    },
                },
            )
        )
    return out


def register_all() -> None:
    from django.utils.translation import gettext_lazy as _

    register(SearchType(SEARCH_TYPE, "qa", questions_fetch, question_ids_published))
    register_kind_label("qa", _("Hỏi đáp"))
