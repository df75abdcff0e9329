"""Background work of the Legal Q&A (django-tasks): e-mails to askers, the daily purge."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

logger = logging.getLogger(__name__)


def _message(question, event: str) -> tuple[str, str]:
    tracking = settings.SITE_BASE_URL + reverse("qa:track", kwargs={"code": question.code})
    lines = {
        "received": _(
            "Sở Tư pháp tỉnh Gia Lai đã nhận câu hỏi của bạn. Mã theo dõi: %(code)s. Hạn "
            "trả lời: %(due)s."
        ),
        "answered": _("Câu hỏi %(code)s của bạn đã có câu trả lời."),
        "published": _(
            "Câu hỏi %(code)s và câu trả lời đã được đăng công khai (không kèm thông tin cá "
            "nhân của bạn) để người khác cùng tham khảo."
        ),
        "declined": _("Câu hỏi %(code)s không được trả lời. Lý do: %(reason)s"),
        "merged": _(
            "Câu hỏi %(code)s trùng với một câu hỏi khác; bạn sẽ nhận câu trả lời chung và "
            "vẫn theo dõi bằng mã của mình."
        ),
    }
    subject = _("Hỏi đáp pháp luật – câu hỏi %(code)s") % {"code": question.code}
    body = lines[event] % {
        "code": question.code,
        "due": question.due_on.strftime("%d/%m/%Y"),
        "reason": question.decline_reason,
    }
    body += "\n\n" + _("Xem tình trạng và câu trả lời: %(url)s") % {"url": tracking}
    body += "\n\n" + _(
        "Bạn nhận thư này vì đã để lại địa chỉ khi gửi câu hỏi. Muốn xoá thông tin cá nhân "
        "của mình, mở địa chỉ trên và chọn “Xoá dữ liệu cá nhân”."
    )
    return subject, body


@task()
def qa_asker_notify_task(question_id: int, event: str) -> str:
    """E-mail the asker of question ``question_id`` about ``event`` ("received",
    "answered", "published", "declined", "merged"). Returns "sent", or "skipped" when
    the question is gone or its personal data was erased meanwhile."""
    from .models import Question

    question = Question.objects.filter(pk=question_id).first()
    if question is None or not question.asker_email:
        return "skipped"
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _message(question, event)
    send_mail(subject, body, None, [question.asker_email])
    return "sent"


@task()
def qa_personal_data_purge_task() -> int:
    """Erase personal data past its retention period; returns how many questions."""
    from .services import qa_personal_data_purge_expired

    count = qa_personal_data_purge_expired()
    logger.info("Q&A: erased the personal data of %s questions past retention", count)
    return count
