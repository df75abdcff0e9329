"""Training and outreach: the registry of people in PBGDPL roles (with their moves between
units), courses (online, offline, blended) with modules and sessions, enrolments and
completions, certificates, and the units' annual outreach plans and activities.

The plan's indicators read from here (see ``selectors.training_stats``): people in the
registry, people trained (completed a qualifying course in the period), and the share of
training delivered online, by sessions and by trainee-hours.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.models import TimeStampedModel


class PersonRole(models.TextChoices):
    REPORTER = "reporter", _("Báo cáo viên pháp luật")
    PROPAGANDIST = "propagandist", _("Tuyên truyền viên pháp luật")
    OFFICIAL = "official", _("Cán bộ làm công tác phổ biến, giáo dục pháp luật")


class PersonStatus(models.TextChoices):
    ACTIVE = "active", _("Đang hoạt động")
    SUSPENDED = "suspended", _("Tạm ngừng")
    ENDED = "ended", _("Đã thôi")


class Person(TimeStampedModel):
    """A person in a PBGDPL role (báo cáo viên, tuyên truyền viên, cán bộ). One row per
    person: identified by normalised phone or e-mail when given, else by name and date of
    birth within the unit. ``unit`` is where they work now; ``moves`` keeps the history."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=16, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    role = models.CharField(_("vai trò"), max_length=16, choices=PersonRole.choices)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.CharField(_("chức vụ, nơi công tác"), max_length=200, blank=True)
    decision_number = models.CharField(_("số quyết định công nhận"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    term_from = models.DateField(_("nhiệm kỳ từ"), null=True, blank=True)
    term_to = models.DateField(_("nhiệm kỳ đến"), null=True, blank=True)
    legal_fields = models.ManyToManyField(
        "laws.LegalField", verbose_name=_("lĩnh vực phụ trách"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PersonStatus.choices, default=PersonStatus.ACTIVE
    )
    status_since = models.DateField(
        _("trạng thái từ ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày bắt đầu trạng thái hiện tại, ví dụ ngày thôi làm báo cáo viên."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("người làm công tác PBGDPL")
        verbose_name_plural = _("danh sách người làm công tác PBGDPL")
        constraints = [
            models.UniqueConstraint(
                fields=["phone"], condition=~Q(phone=""), name="training_person_phone"
            ),
            models.UniqueConstraint(
                fields=["email"], condition=~Q(email=""), name="training_person_email"
            ),
        ]
        indexes = [models.Index(fields=["unit", "role", "status"])]

    def __str__(self) -> str:
        return self.full_name


class PersonMove(models.Model):
    """A person's time in a unit: ``until`` empty while they are there. A move (e.g. the
    2025 reorganisation) closes one row and opens the next."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="moves")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    since = models.DateField(_("từ ngày"))
    until = models.DateField(_("đến ngày"), null=True, blank=True)
    reason = models.CharField(_("lý do"), max_length=200, blank=True)

    class Meta:
        ordering = ["person", "since"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(until__isnull=True), name="training_move_current"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.unit} ({self.since}–{self.until or ''})"


class CourseMode(models.TextChoices):
    ONLINE = "online", _("Trực tuyến")
    OFFLINE = "offline", _("Trực tiếp")
    BLENDED = "blended", _("Kết hợp")


class Course(TimeStampedModel):
    """A training course. ``qualifying`` courses count toward the indicator "trained in
    digital skills". Online courses are completed by finishing every module (and the quiz,
    when there is one); offline and blended ones by attending their sessions (completion
    is marked per attendee)."""

    title = models.CharField(_("tên khoá bồi dưỡng"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("hình thức"), max_length=10, choices=CourseMode.choices)
    audience = models.JSONField(
        _("đối tượng"), default=list, blank=True, help_text=_("Các vai trò: reporter, …")
    )
    hours = models.DecimalField(_("số giờ"), max_digits=6, decimal_places=1, default=0)
    qualifying = models.BooleanField(_("tính vào chỉ tiêu bồi dưỡng kỹ năng số"), default=True)
    pass_mark = models.PositiveSmallIntegerField(_("điểm đạt bài kiểm tra (%)"), default=70)
    prerequisites = models.ManyToManyField(
        "self", verbose_name=_("khoá học cần hoàn thành trước"), symmetrical=False, blank=True
    )
    published = models.BooleanField(_("mở đăng ký"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("khoá bồi dưỡng")
        verbose_name_plural = _("khoá bồi dưỡng")

    def __str__(self) -> str:
        return self.title


class ModuleKind(models.TextChoices):
    LESSON = "lesson", _("Bài học")
    VIDEO = "video", _("Video")
    DOCUMENT = "document", _("Tài liệu")
    QUIZ = "quiz", _("Bài kiểm tra")


class Module(models.Model):
    """A part of a course: a lesson (rich text), a video, a document, or a quiz drawn
    from the contests' question bank (approved items) with the course's pass mark."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(_("tên học phần"), max_length=255)
    kind = models.CharField(_("loại"), max_length=10, choices=ModuleKind.choices)
    body = models.TextField(_("nội dung"), blank=True)
    video_url = models.URLField(_("địa chỉ video"), blank=True)
    document = models.FileField(_("tài liệu"), upload_to="training/", blank=True)
    items = models.ManyToManyField(
        "contests.Item", verbose_name=_("câu hỏi kiểm tra"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["course", "position"]
        constraints = [
            models.UniqueConstraint(fields=["course", "position"], name="training_module_position")
        ]

    def __str__(self) -> str:
        return self.title


class Session(models.Model):
    """A scheduled session of an offline or blended course (or a live online class)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    online = models.BooleanField(_("trực tuyến"), default=False)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    capacity = models.PositiveIntegerField(_("số chỗ"), null=True, blank=True)
    trainer = models.CharField(_("giảng viên"), max_length=200, blank=True)

    class Meta:
        ordering = ["course", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="training_session_times"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course} – {self.starts_at:%d/%m/%Y}"


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Đang học")
    COMPLETED = "completed", _("Hoàn thành")
    WITHDRAWN = "withdrawn", _("Đã rút")


class Enrolment(TimeStampedModel):
    """A person enrolled in a course; ``completed_at`` once they completed it."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(
        max_length=10, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    completed_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["course", "person"]
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="training_enrolment_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.course}"

    @property
    def permission_unit(self):
        return self.person.unit


class ModuleProgress(models.Model):
    """A module an online learner finished (a quiz: with its score)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField()
    score_percent = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "module"], name="training_progress_once")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.module}"


class Attendance(models.Model):
    """Whether an enrolled person attended a session (hours for trainee-hours)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(default=True)
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="training_attendance_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} @ {self.session}"


class TrainingCertificate(models.Model):
    """A certificate for a completed enrolment, checkable at its public URL by code."""

    code = models.CharField(max_length=20, unique=True)
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="certificate"
    )
    issued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.code


class QuizAttempt(models.Model):
    """One attempt of a learner at a quiz module: the items drawn (approved items of the
    module, choices in the order shown to this attempt), then — once, at submission —
    the answers and the grade. ``draw`` is ``[{"item": id, "choices": [choice ids]}, …]``
    and ``answers`` ``{"<item id>": [choice ids]}``."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    draw = models.JSONField()
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(null=True, blank=True)
    correct = models.PositiveSmallIntegerField(null=True, blank=True)
    total = models.PositiveSmallIntegerField(default=0)
    score_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(default=False)

    class Meta:
        ordering = ["enrolment", "module", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module", "number"], name="training_quiz_attempt_number"
            ),
            # One attempt in progress per learner and quiz: reloading the page or a double
            # click never opens a second one.
            models.UniqueConstraint(
                fields=["enrolment", "module"],
                condition=Q(submitted_at__isnull=True),
                name="training_quiz_attempt_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.module} #{self.number}"


class ReminderKind(models.TextChoices):
    IDLE = "idle", _("Chưa học tiếp khoá trực tuyến")
    SESSION = "session", _("Buổi học sắp diễn ra")


class ReminderSent(models.Model):
    """A reminder e-mailed to an enrolled person, kept so the same one is never sent
    twice: an idle reminder once per stretch of inactivity (``idle_since``: the last
    activity it is about), a session reminder once per session."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    idle_since = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "session"],
                condition=Q(kind="session"),
                name="training_reminder_session_once",
            ),
            models.UniqueConstraint(
                fields=["enrolment", "idle_since"],
                condition=Q(kind="idle"),
                name="training_reminder_idle_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} – {self.enrolment}"
