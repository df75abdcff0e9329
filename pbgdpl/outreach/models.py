"""PBGDPL plans (one a year per unit, with targets) and outreach activities.

Kinds of activity, modes, audience groups and target kinds are ``TextChoices``, not
tables: their codes are what the indicators (kpi), the API and the XLSX files key on, so
they must be stable across installations, while their labels are translated. A new kind is a code
change (its migration only updates the choices; the columns hold plain codes); anything
that does not fit is recorded as "other" with a descriptive title.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.models import TimeStampedModel

from .storage import evidence_storage


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Đã phê duyệt")


class ActivityKind(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị, hội thảo, tọa đàm")
    MOBILE_SESSION = "mobile_session", _("Tuyên truyền pháp luật lưu động")
    LOUDSPEAKER = "loudspeaker", _("Phát thanh trên loa truyền thanh cơ sở")
    SOCIAL_MEDIA = "social_media", _("Tin, bài trên mạng xã hội")
    WEBSITE = "website", _("Tin, bài trên cổng, trang thông tin điện tử")
    PRESS = "press", _("Báo chí, phát thanh, truyền hình")
    CONTEST = "contest", _("Cuộc thi tìm hiểu pháp luật")
    LAW_DAY = "law_day", _("Hưởng ứng Ngày Pháp luật Việt Nam (9/11)")
    LEGAL_AID = "legal_aid", _("Trợ giúp pháp lý, tư vấn pháp luật")
    VILLAGE_MEETING = "village_meeting", _("Lồng ghép trong sinh hoạt thôn, tổ dân phố")
    PUBLICATION = "publication", _("Phát hành tài liệu, tờ gấp, sổ tay pháp luật")
    OTHER = "other", _("Hình thức khác")


# Kinds that gather people: they need a number of participants.
GATHERING_KINDS = frozenset(
    {
        ActivityKind.CONFERENCE,
        ActivityKind.MOBILE_SESSION,
        ActivityKind.CONTEST,
        ActivityKind.LAW_DAY,
        ActivityKind.LEGAL_AID,
        ActivityKind.VILLAGE_MEETING,
    }
)
# Kinds that only exist online: their mode is always "online" and they need a link.
ONLINE_ONLY_KINDS = frozenset({ActivityKind.SOCIAL_MEDIA, ActivityKind.WEBSITE})


class ActivityMode(models.TextChoices):
    OFFLINE = "offline", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    BOTH = "both", _("Kết hợp trực tiếp và trực tuyến")


ONLINE_MODES = frozenset({ActivityMode.ONLINE, ActivityMode.BOTH})
OFFLINE_MODES = frozenset({ActivityMode.OFFLINE, ActivityMode.BOTH})


class AudienceGroup(models.TextChoices):
    OFFICIALS = "officials", _("Cán bộ, công chức, viên chức")
    CITIZENS = "citizens", _("Nhân dân")
    STUDENTS = "students", _("Học sinh, sinh viên")
    ETHNIC_MINORITIES = "ethnic_minorities", _("Người dân tộc thiểu số")
    WORKERS = "workers", _("Doanh nghiệp, người lao động")
    WOMEN = "women", _("Phụ nữ")
    YOUTH = "youth", _("Thanh niên")
    ELDERLY = "elderly", _("Người cao tuổi")
    CHILDREN = "children", _("Trẻ em")
    FARMERS = "farmers", _("Nông dân")
    DISABLED = "disabled", _("Người khuyết tật")
    BORDER = "border", _("Người dân vùng biên giới, ven biển, ngư dân")
    REINTEGRATION = "reintegration", _("Người chấp hành xong án phạt tù, tái hòa nhập cộng đồng")
    OTHER = "other", _("Đối tượng khác")


class TargetKind(models.TextChoices):
    ACTIVITIES = "activities", _("Tổng số hoạt động")
    ACTIVITIES_OF_KIND = "activities_of_kind", _("Số hoạt động của một loại")
    PARTICIPANTS = "participants", _("Tổng số lượt người tham dự")
    PARTICIPANTS_URBAN = "participants_urban", _("Lượt người tham dự ở thành thị")
    PARTICIPANTS_RURAL = "participants_rural", _("Lượt người tham dự ở nông thôn")
    ONLINE_REACH = "online_reach", _("Lượt tiếp cận trực tuyến")
    ONLINE_SHARE = "online_share", _("Tỷ lệ hoạt động có hình thức trực tuyến (%)")
    EVIDENCE_SHARE = "evidence_share", _("Tỷ lệ hoạt động có tài liệu minh chứng (%)")
    UNITS_COVERED = "units_covered", _("Số xã, phường có hoạt động")


PERCENT_TARGETS = frozenset({TargetKind.ONLINE_SHARE, TargetKind.EVIDENCE_SHARE})


class OutreachPlan(TimeStampedModel):
    """A unit's annual PBGDPL plan (kế hoạch phổ biến, giáo dục pháp luật năm …): one a
    year per unit. Drafted, then recorded as approved with the number and date of the
    document that issued it (e.g. "Kế hoạch số 15/KH-UBND ngày 20/01/2026")."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kế hoạch"), max_length=255)
    decision_number = models.CharField(_("số, ký hiệu văn bản ban hành"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    approved_at = models.DateTimeField(_("ghi nhận phê duyệt lúc"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year", "unit__path"]
        verbose_name = _("kế hoạch phổ biến, giáo dục pháp luật")
        verbose_name_plural = _("kế hoạch phổ biến, giáo dục pháp luật")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="outreach_plan_unit_year"),
            models.CheckConstraint(
                condition=Q(status=PlanStatus.DRAFT)
                | (~Q(decision_number="") & Q(decision_date__isnull=False)),
                name="outreach_plan_approved_has_decision",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PlanTarget(models.Model):
    """One target of a plan: a kind (and, for "activities of a kind", which kind) and a
    value — a count, or a percentage for the share targets."""

    plan = models.ForeignKey(OutreachPlan, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("chỉ tiêu"), max_length=24, choices=TargetKind.choices)
    activity_kind = models.CharField(
        _("loại hoạt động"), max_length=24, choices=ActivityKind.choices, blank=True
    )
    value = models.PositiveIntegerField(_("giá trị"))
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "id"]
        verbose_name = _("chỉ tiêu kế hoạch")
        verbose_name_plural = _("chỉ tiêu kế hoạch")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "activity_kind"], name="outreach_target_once"
            ),
            models.CheckConstraint(
                condition=(Q(kind=TargetKind.ACTIVITIES_OF_KIND) & ~Q(activity_kind=""))
                | (~Q(kind=TargetKind.ACTIVITIES_OF_KIND) & Q(activity_kind="")),
                name="outreach_target_activity_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def permission_unit(self):
        return self.plan.unit


class ActivityQuerySet(models.QuerySet):
    def live(self) -> "ActivityQuerySet":
        """Activities not deleted: the only ones lists, reports and the API count."""
        return self.filter(deleted_at__isnull=True)


class Activity(TimeStampedModel):
    """One outreach activity held (or started) on ``start_date`` by ``unit``.

    Participants: ``participants_total`` people took part (lượt người); of them
    ``participants_urban`` live in urban and ``participants_rural`` in rural areas, the
    rest is not classified. ``online_views`` counts views/reach of the online part.
    Deleting keeps the row (``deleted_at``) for the audit trail; deleted activities are
    left out everywhere."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(
        OutreachPlan,
        verbose_name=_("thuộc kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    kind = models.CharField(_("loại hoạt động"), max_length=24, choices=ActivityKind.choices)
    title = models.CharField(_("tên hoạt động"), max_length=255)
    description = models.TextField(_("nội dung"), blank=True)
    start_date = models.DateField(_("ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    mode = models.CharField(_("hình thức"), max_length=10, choices=ActivityMode.choices)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    participants_total = models.PositiveIntegerField(_("số lượt người tham dự"), default=0)
    participants_urban = models.PositiveIntegerField(_("ở thành thị"), default=0)
    participants_rural = models.PositiveIntegerField(_("ở nông thôn"), default=0)
    participants_note = models.CharField(
        _("giải thích số người tham dự"), max_length=300, blank=True
    )
    online_views = models.PositiveIntegerField(_("lượt xem, tiếp cận trực tuyến"), default=0)
    legal_documents = models.JSONField(
        _("văn bản pháp luật được phổ biến"),
        default=list,
        blank=True,
        help_text=_("Số, ký hiệu ở dạng chuẩn, ví dụ 31/2024/QH15."),
    )
    speakers = models.CharField(_("báo cáo viên, người thực hiện"), max_length=300, blank=True)
    # fold() of the title, place, speakers and description: the list's text search
    # ignores case and diacritics the same way on every database. Set by the services.
    search_text = models.TextField(editable=False, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_at = models.DateTimeField(_("xoá lúc"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_reason = models.CharField(_("lý do xoá"), max_length=300, blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("hoạt động phổ biến, giáo dục pháp luật")
        verbose_name_plural = _("hoạt động phổ biến, giáo dục pháp luật")
        indexes = [
            models.Index(fields=["start_date"], name="outreach_activity_date"),
            models.Index(fields=["unit", "start_date"], name="outreach_activity_unit_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    participants_urban__lte=models.F("participants_total")
                    - models.F("participants_rural")
                ),
                name="outreach_activity_participants_split",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="outreach_activity_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def participants_unclassified(self) -> int:
        return self.participants_total - self.participants_urban - self.participants_rural

    @property
    def is_online(self) -> bool:
        return self.mode in ONLINE_MODES


class ActivityAudience(models.Model):
    """One audience group an activity was meant for (an activity has one or more)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="audiences")
    group = models.CharField(_("đối tượng"), max_length=24, choices=AudienceGroup.choices)

    class Meta:
        ordering = ["activity", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "group"], name="outreach_audience_once")
        ]

    def __str__(self) -> str:
        return self.get_group_display()


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("Ảnh")
    PDF = "pdf", _("Tệp PDF")
    DOCUMENT = "document", _("Văn bản (Word, OpenDocument)")


class ActivityEvidence(models.Model):
    """A file proving an activity took place (photo, minutes, sign-in sheet, report),
    kept in the private evidence storage and downloadable by staff only."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(
        _("tệp"), storage=evidence_storage, max_length=200
    )  # stored under a random name chosen by the service (the uploader's is original_name)
    kind = models.CharField(_("loại tệp"), max_length=10, choices=EvidenceKind.choices)
    original_name = models.CharField(_("tên tệp gốc"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    caption = models.CharField(_("mô tả"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        ordering = ["activity", "uploaded_at", "id"]
        verbose_name = _("tài liệu minh chứng")
        verbose_name_plural = _("tài liệu minh chứng")
        constraints = [
            models.UniqueConstraint(fields=["activity", "sha256"], name="outreach_evidence_once")
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def permission_unit(self):
        return self.activity.unit

    @property
    def audit_unit_code(self) -> str:
        return self.activity.unit.code
