"""Citizens' legal questions, the officials' answers with their legal grounds, and the
service levels that set the deadlines.

A question holds the asker's personal data (name, e-mail, phone, and the wording of the
question itself) only in the back office; what is published is the de-identified
``title``/``public_question`` and the answer. Personal data is erased on request or after
the retention period (``services.qa_personal_data_erase``), leaving the counts intact.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.models import TimeStampedModel


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ASSIGNED = "assigned", _("Đã phân công")
    REVIEW = "review", _("Chờ duyệt")
    ANSWERED = "answered", _("Đã trả lời")
    PUBLISHED = "published", _("Đã công khai")
    DECLINED = "declined", _("Không trả lời")
    MERGED = "merged", _("Đã gộp vào câu hỏi khác")


OPEN_STATUSES = (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED, QuestionStatus.REVIEW)
ANSWERED_STATUSES = (QuestionStatus.ANSWERED, QuestionStatus.PUBLISHED)


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=QuestionStatus.PUBLISHED)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Question(TimeStampedModel):
    """One question from a citizen or business, from receipt to answer and publication."""

    code = models.CharField(_("mã theo dõi"), max_length=20, unique=True, editable=False)
    legal_field = models.ForeignKey(
        "laws.LegalField", verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("nội dung câu hỏi (nguyên văn)"), blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=QuestionStatus.choices,
        default=QuestionStatus.RECEIVED,
        db_index=True,
    )
    received_at = models.DateTimeField(_("tiếp nhận lúc"), db_index=True)
    due_on = models.DateField(_("hạn trả lời"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người được phân công"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("phân công lúc"), null=True, blank=True)
    # What is published: written (de-identified) by the officials.
    title = models.CharField(_("tiêu đề công khai"), max_length=200, blank=True)
    public_question = models.TextField(_("câu hỏi công khai"), blank=True)
    answer = models.TextField(_("câu trả lời"), blank=True)
    audiences = models.ManyToManyField(
        "portal.Audience", verbose_name=_("đối tượng"), blank=True, related_name="+"
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("trình duyệt lúc"), null=True, blank=True)
    review_note = models.CharField(_("ý kiến người duyệt"), max_length=1000, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True, db_index=True)
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True)
    decline_reason = models.CharField(_("lý do không trả lời"), max_length=500, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("gộp vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True, db_index=True)
    # Personal data: only with consent, only in the back office, erased on time.
    asker_name = models.CharField(_("họ tên người hỏi"), max_length=120, blank=True)
    asker_email = models.EmailField(_("thư điện tử người hỏi"), blank=True)
    asker_phone = models.CharField(_("số điện thoại người hỏi"), max_length=16, blank=True)
    consent_version = models.CharField(_("phiên bản lời đồng ý"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("đồng ý lúc"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("xoá dữ liệu cá nhân lúc"), null=True, blank=True
    )
    erasure_reason = models.CharField(_("lý do xoá"), max_length=20, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("câu hỏi pháp luật")
        verbose_name_plural = _("câu hỏi pháp luật")
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["status", "published_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(duplicate_of__isnull=False),
                name="qa_merged_has_target",
            ),
            models.CheckConstraint(
                condition=Q(consent_at__isnull=False)
                | (Q(asker_name="") & Q(asker_email="") & Q(asker_phone="")),
                name="qa_personal_data_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.code}"

    @property
    def has_personal_data(self) -> bool:
        return bool(self.asker_name or self.asker_email or self.asker_phone)


class AnswerCitation(models.Model):
    """A legal ground of an answer: a document by số ký hiệu, optionally one article
    (and clause/point) of it. Shown as links into the library when it holds the text."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="citations")
    number = models.CharField(_("số ký hiệu"), max_length=80)
    title = models.CharField(_("tên văn bản"), max_length=300, blank=True)
    article = models.CharField(_("điều"), max_length=20, blank=True)
    detail = models.CharField(_("khoản, điểm"), max_length=80, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")

    def __str__(self) -> str:
        article = f"Điều {self.article} " if self.article else ""
        return f"{self.detail} {article}{self.number}".strip()


class ServiceLevel(models.Model):
    """How many working days the officials have to answer a question of one field.

    Fields without a row use ``settings.QA_ANSWER_WORKING_DAYS`` (default 10)."""

    legal_field = models.OneToOneField(
        "laws.LegalField", verbose_name=_("lĩnh vực"), on_delete=models.CASCADE, related_name="+"
    )
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))

    class Meta:
        ordering = ["legal_field__name"]
        verbose_name = _("thời hạn trả lời")
        verbose_name_plural = _("thời hạn trả lời")

    def __str__(self) -> str:
        return f"{self.legal_field}: {self.working_days}"
