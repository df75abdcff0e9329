"""Online legal contests (cuộc thi tìm hiểu pháp luật): the question bank, contests and
their rounds, participants, and attempts owned by the server.

An attempt is one row: the items drawn for it (with the order of their choices) and the
answers saved so far are JSON on that row, so starting is one INSERT, an autosave one
UPDATE and a submission one UPDATE — what lets a 2-core server take the last-hour rush.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.models import TimeStampedModel


class Difficulty(models.TextChoices):
    EASY = "easy", _("Dễ")
    MEDIUM = "medium", _("Trung bình")
    HARD = "hard", _("Khó")


class ItemStatus(models.TextChoices):
    DRAFT = "draft", _("Nháp")
    REVIEW = "review", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    RETIRED = "retired", _("Ngừng dùng")


class Item(TimeStampedModel):
    """A multiple-choice question of the bank: 2–6 choices, one or several correct."""

    stem = models.TextField(_("câu hỏi"))
    explanation = models.TextField(_("giải thích"), blank=True)
    legal_field = models.ForeignKey(
        "laws.LegalField", verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="+"
    )
    difficulty = models.CharField(
        _("độ khó"), max_length=10, choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    tags = models.JSONField(_("nhãn"), default=list, blank=True)
    citation_number = models.CharField(_("số ký hiệu văn bản"), max_length=80, blank=True)
    citation_article = models.CharField(_("điều"), max_length=20, blank=True)
    citation_detail = models.CharField(_("khoản, điểm"), max_length=80, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    practice = models.BooleanField(_("dùng cho luyện tập"), default=True)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị soạn"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Đơn vị chịu trách nhiệm về câu hỏi; mọi cuộc thi đều dùng được khi đã duyệt."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("câu hỏi thi")
        verbose_name_plural = _("ngân hàng câu hỏi")
        indexes = [models.Index(fields=["status", "legal_field", "difficulty"])]

    def __str__(self) -> str:
        return self.stem[:80]


class Choice(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("phương án"), max_length=500)
    is_correct = models.BooleanField(_("đúng"), default=False)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["item", "position"], name="contest_choice_position")
        ]

    def __str__(self) -> str:
        return self.text


class Eligibility(models.TextChoices):
    ANYONE = "anyone", _("Mọi người")
    UNIT = "unit", _("Người ở một địa bàn")
    GROUP = "group", _("Một nhóm đối tượng")


class ParticipantGroup(models.TextChoices):
    CITIZEN = "citizen", _("Người dân")
    STUDENT = "student", _("Học sinh, sinh viên")
    OFFICIAL = "official", _("Cán bộ, công chức, viên chức")
    WORKER = "worker", _("Công nhân, người lao động")
    SOLDIER = "soldier", _("Lực lượng vũ trang")
    OTHER = "other", _("Khác")


class Contest(TimeStampedModel):
    """A contest: who may take part, its rules, and its rounds."""

    title = models.CharField(_("tên cuộc thi"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    rules = models.TextField(_("thể lệ"), blank=True)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    eligibility = models.CharField(
        _("đối tượng dự thi"), max_length=10, choices=Eligibility.choices, default="anyone"
    )
    eligible_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("địa bàn được dự thi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    eligible_group = models.CharField(
        _("nhóm được dự thi"), max_length=10, choices=ParticipantGroup.choices, blank=True
    )
    published = models.BooleanField(_("công bố"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("cuộc thi")
        verbose_name_plural = _("cuộc thi")

    def __str__(self) -> str:
        return self.title


class Round(TimeStampedModel):
    """One round (đợt thi) of a contest: open and close times, the items it may draw and
    how, the time limit and the number of attempts per participant."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("đợt số"))
    title = models.CharField(_("tên đợt"), max_length=255)
    opens_at = models.DateTimeField(_("mở lúc"))
    closes_at = models.DateTimeField(_("đóng lúc"))
    time_limit_seconds = models.PositiveIntegerField(_("thời gian làm bài (giây)"), default=900)
    attempts_allowed = models.PositiveSmallIntegerField(_("số lượt dự thi"), default=1)
    shuffle_items = models.BooleanField(_("trộn thứ tự câu hỏi"), default=True)
    shuffle_choices = models.BooleanField(_("trộn thứ tự phương án"), default=True)
    prediction = models.BooleanField(_("có câu hỏi dự đoán"), default=True)
    pool = models.ManyToManyField(
        Item, verbose_name=_("câu hỏi của đợt"), blank=True, related_name="rounds"
    )
    prizes = models.JSONField(
        _("cơ cấu giải"),
        default=list,
        blank=True,
        help_text=_('Ví dụ [["Giải Nhất", 1], ["Giải Nhì", 2], ["Giải Ba", 3]]'),
    )
    certificate_min_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ đúng tối thiểu để nhận giấy chứng nhận (%)"),
        null=True,
        blank=True,
        default=80,
        help_text=_("Để trống: chỉ người đoạt giải nhận giấy chứng nhận."),
    )
    results_published_at = models.DateTimeField(_("công bố kết quả lúc"), null=True, blank=True)

    class Meta:
        ordering = ["contest", "number"]
        verbose_name = _("đợt thi")
        verbose_name_plural = _("đợt thi")
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="contest_round_number"),
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="contest_round_dates"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contest} – {self.title}"

    @property
    def permission_unit(self):
        return self.contest.unit


class DrawRule(models.Model):
    """Draw ``count`` items of the round's pool with this field and/or difficulty."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="draw_rules")
    legal_field = models.ForeignKey(
        "laws.LegalField", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices, blank=True)
    count = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.count} × {self.legal_field or '*'} / {self.difficulty or '*'}"


class Participant(TimeStampedModel):
    """A person taking part in one contest: one identity per contest, by normalised phone
    number or e-mail address. The token (only its hash is kept) proves it is them."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("họ và tên"), max_length=120)
    phone = models.CharField(_("số điện thoại"), max_length=16, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    group = models.CharField(
        _("nhóm đối tượng"), max_length=10, choices=ParticipantGroup.choices, default="citizen"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    consent_version = models.CharField(max_length=20)
    consent_at = models.DateTimeField()
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("người dự thi")
        verbose_name_plural = _("người dự thi")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "phone"],
                condition=~Q(phone=""),
                name="contest_participant_phone",
            ),
            models.UniqueConstraint(
                fields=["contest", "email"],
                condition=~Q(email=""),
                name="contest_participant_email",
            ),
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(email="") | Q(personal_data_erased_at__isnull=False),
                name="contest_participant_contact",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"


class AttemptStatus(models.TextChoices):
    ACTIVE = "active", _("Đang làm bài")
    SUBMITTED = "submitted", _("Đã nộp")
    EXPIRED = "expired", _("Hết giờ, tự nộp")


class Attempt(models.Model):
    """One attempt of a participant in a round, owned by the server.

    ``draw`` is ``[{"item": id, "choices": [choice ids in the order shown]}, …]``;
    ``answers`` is ``{"<item id>": [choice ids]}``, merged on each save until the attempt
    is closed (submitted, or expired at ``deadline``); grading fills the result fields.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="attempts")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    deadline = models.DateTimeField()
    draw = models.JSONField()
    answers = models.JSONField(default=dict)
    saves = models.PositiveIntegerField(default=0)
    status = models.CharField(
        max_length=10, choices=AttemptStatus.choices, default=AttemptStatus.ACTIVE
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submit_key = models.CharField(max_length=100, blank=True)
    prediction = models.PositiveIntegerField(null=True, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    correct = models.PositiveSmallIntegerField(null=True, blank=True)
    total = models.PositiveSmallIntegerField(default=0)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "participant", "number"], name="contest_attempt_number"
            ),
            # At most one attempt in progress per participant and round: a double click on
            # "start" cannot open two.
            models.UniqueConstraint(
                fields=["round", "participant"],
                condition=Q(status="active"),
                name="contest_attempt_one_active",
            ),
        ]
        indexes = [
            models.Index(fields=["round", "status", "graded_at"]),
            models.Index(fields=["status", "deadline"]),
        ]

    def __str__(self) -> str:
        return str(self.id)


class Prize(models.Model):
    """A prize given in a round, chosen from the leaderboard by the prize rules."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="awarded")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveIntegerField()
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["round", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["round", "participant"], name="contest_prize_once")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.rank})"


class Certificate(models.Model):
    """A certificate (giấy chứng nhận) for a graded attempt or a prize; anyone can check
    it at its verification URL with its code."""

    code = models.CharField(max_length=20, unique=True)
    attempt = models.OneToOneField(Attempt, on_delete=models.CASCADE, related_name="certificate")
    prize = models.ForeignKey(Prize, null=True, blank=True, on_delete=models.SET_NULL)
    issued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.code
