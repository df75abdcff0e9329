"""Indicators, data elements, targets, values, entry/approval/locking, surveys.

Modelled on DHIS2 (data elements, indicators as numerator/denominator formulas over data
elements, organisation-unit tree, periods, data approval and locking) with targets as a
first-class concept: each indicator has targets per phase of the plan and per kind of unit
(urban/rural), optionally overridden for one unit.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.models import TimeStampedModel


class ValueType(models.TextChoices):
    INTEGER = "integer", _("Số nguyên")
    NUMBER = "number", _("Số thực")


class Aggregation(models.TextChoices):
    """How a value for a long period is built from values of shorter periods."""

    SUM = "sum", _("Cộng dồn")
    LAST = "last", _("Lấy kỳ gần nhất")


class DataElement(models.Model):
    """One raw figure counted per unit and period (DHIS2 "data element").

    ``source`` is ``entry`` (typed in by commune officers through the entry forms) or
    ``auto:<name>`` (computed from the apps, see :mod:`pbgdpl.kpi.sources`). ``additive``:
    the figure of a unit's subtree is the sum of its units' own figures; when False the
    source reports each unit's subtree figure itself (e.g. distinct training sessions).
    """

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    description = models.TextField(_("mô tả"), blank=True)
    value_type = models.CharField(
        _("kiểu giá trị"), max_length=10, choices=ValueType.choices, default=ValueType.INTEGER
    )
    source = models.CharField(_("nguồn"), max_length=40)
    aggregation = models.CharField(
        _("tổng hợp theo thời gian"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
    )
    additive = models.BooleanField(_("cộng theo đơn vị"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("phần tử dữ liệu")
        verbose_name_plural = _("phần tử dữ liệu")

    def __str__(self) -> str:
        return self.name

    @property
    def is_entry(self) -> bool:
        return self.source == "entry"


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class UnitScope(models.TextChoices):
    """Which units an indicator or a target is about, by the unit's urban/rural flag."""

    ALL = "all", _("Tất cả")
    URBAN = "urban", _("Thành thị")
    RURAL = "rural", _("Nông thôn")


class Indicator(models.Model):
    """A number the plan is judged by: ``factor × numerator / denominator``, each a formula
    over data elements (``#{code}``), computed per unit and period.

    Roll-up along the unit tree: a ``population_weighted`` rate of a unit is the mean of
    its communes' rates weighted by their population (communes with a value only); any
    other indicator is the formula over the subtree's summed data elements."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=80, blank=True)
    definition = models.TextField(_("định nghĩa"))
    numerator = models.CharField(_("tử số (công thức)"), max_length=500)
    numerator_label = models.CharField(_("tử số (diễn giải)"), max_length=255, blank=True)
    denominator = models.CharField(_("mẫu số (công thức)"), max_length=500, blank=True)
    denominator_label = models.CharField(_("mẫu số (diễn giải)"), max_length=255, blank=True)
    factor = models.DecimalField(_("hệ số"), max_digits=10, decimal_places=2, default=1)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=20, default="%")
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=1)
    direction = models.CharField(
        _("chiều đánh giá"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    population_weighted = models.BooleanField(_("bình quân gia quyền theo dân số"), default=False)
    applies_to = models.CharField(
        _("áp dụng cho"), max_length=10, choices=UnitScope.choices, default=UnitScope.ALL
    )
    data_sources = models.TextField(_("nguồn số liệu"), blank=True)
    companion_of = models.ForeignKey(
        "self",
        verbose_name=_("chỉ tiêu đi kèm của"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="companions",
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.name

    @property
    def is_rate(self) -> bool:
        return self.unit_of_measure == "%"


class Phase(models.Model):
    """A phase of the plan with its own targets ("2025-2027", "2028-2030")."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))

    class Meta:
        ordering = ["start"]
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("giai đoạn")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="kpi_phase_dates")
        ]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    """The value an indicator should reach in a phase, for a kind of unit (urban, rural,
    all) or, as an override, for one unit."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, related_name="targets"
    )
    phase = models.ForeignKey(
        Phase, verbose_name=_("giai đoạn"), on_delete=models.PROTECT, related_name="targets"
    )
    unit_scope = models.CharField(
        _("loại đơn vị"), max_length=10, choices=UnitScope.choices, default=UnitScope.ALL
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("riêng cho đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    value = models.DecimalField(_("mục tiêu"), max_digits=14, decimal_places=2)
    note = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        ordering = ["indicator", "phase__start", "unit_scope"]
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "phase", "unit_scope"],
                condition=Q(unit__isnull=True),
                name="kpi_target_unique_scope",
            ),
            models.UniqueConstraint(
                fields=["indicator", "phase", "unit"],
                condition=Q(unit__isnull=False),
                name="kpi_target_unique_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.phase.code} {self.unit_scope}: {self.value}"


class PeriodType(models.TextChoices):
    YEAR = "year", _("Năm")
    QUARTER = "quarter", _("Quý")
    MONTH = "month", _("Tháng")


class Period(models.Model):
    """A reporting period: "2026" (year), "2026Q3" (quarter), "2026-05" (month). Created on
    demand from its code (:func:`pbgdpl.kpi.periods.period_get`)."""

    code = models.CharField(_("mã kỳ"), max_length=10, unique=True)
    type = models.CharField(_("loại kỳ"), max_length=10, choices=PeriodType.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))

    class Meta:
        ordering = ["start", "-end"]
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")

    def __str__(self) -> str:
        from .periods import period_label

        return period_label(self)


class DataValue(models.Model):
    """One figure of one data element for one unit and period: typed in (``entry``) or
    stored by the computation from the apps (``auto``). For additive elements the value is
    the unit's own figure; for the others, the figure of its whole subtree."""

    element = models.ForeignKey(DataElement, on_delete=models.CASCADE, related_name="values")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="data_values")
    value = models.DecimalField(max_digits=20, decimal_places=4)
    source = models.CharField(max_length=40)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        constraints = [
            models.UniqueConstraint(
                fields=["element", "unit", "period"], name="kpi_datavalue_unique"
            )
        ]
        indexes = [models.Index(fields=["period", "element"])]

    def __str__(self) -> str:
        return f"{self.element.code} {self.unit_id} {self.period.code} = {self.value}"


class EntryState(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    LOCKED = "locked", _("Đã khoá")


class EntryApproval(TimeStampedModel):
    """The state of the survey figures of one unit for one period (DHIS2 "data approval"
    and "lock"): draft → submitted → approved → locked. Only approved and locked figures
    count in the indicators; approved and locked ones cannot change without an audited
    unlock by a province administrator."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        Period, verbose_name=_("kỳ"), on_delete=models.PROTECT, related_name="approvals"
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=EntryState.choices, default=EntryState.DRAFT
    )
    note = models.TextField(_("ghi chú"), blank=True, max_length=1000)
    entered_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    returned_reason = models.CharField(_("lý do trả lại"), max_length=500, blank=True)

    class Meta:
        ordering = ["period__start", "unit__path"]
        verbose_name = _("phê duyệt số liệu")
        verbose_name_plural = _("phê duyệt số liệu")
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="kpi_entry_unit_period")
        ]
        indexes = [models.Index(fields=["state", "period"])]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}"

    @property
    def audit_unit_code(self) -> str:
        return self.unit.code

    @property
    def is_frozen(self) -> bool:
        return self.state in (EntryState.APPROVED, EntryState.LOCKED)


class Split(models.TextChoices):
    ALL = "", _("Chung")
    URBAN = "urban", _("Thành thị")
    RURAL = "rural", _("Nông thôn")


class IndicatorValue(models.Model):
    """The computed value of an indicator for a unit, period and split (all, urban,
    rural), with what it was computed from: numerator, denominator, coverage and a hash
    of every input, so the same inputs always give the same stored row."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="indicator_values")
    split = models.CharField(max_length=10, choices=Split.choices, default=Split.ALL, blank=True)
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    numerator = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    units_with_data = models.PositiveIntegerField(default=0)
    units_total = models.PositiveIntegerField(default=0)
    population_with_data = models.PositiveBigIntegerField(default=0)
    population_total = models.PositiveBigIntegerField(default=0)
    inputs_hash = models.CharField(max_length=64)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("giá trị chỉ tiêu")
        verbose_name_plural = _("giá trị chỉ tiêu")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "period", "split"], name="kpi_value_unique"
            )
        ]
        indexes = [models.Index(fields=["period", "indicator", "split"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.unit_id} {self.period.code} {self.split}: {self.value}"


class DirtyMark(models.Model):
    """A unit and period (or a whole period when ``unit`` is None) whose values must be
    computed again (``manage.py kpi_recompute``)."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("cần tính lại")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit"],
                name="kpi_dirty_unique_unit",
                condition=Q(unit__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["period"], name="kpi_dirty_unique_period", condition=Q(unit__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period_id}/{self.unit_id or '*'}"


class SurveyContext(models.TextChoices):
    PORTAL = "portal", _("Cổng thông tin")
    QA = "qa", _("Hỏi đáp pháp luật")
    CONTEST = "contest", _("Cuộc thi")
    TRAINING = "training", _("Bồi dưỡng")


class Survey(TimeStampedModel):
    """A satisfaction survey (CSAT: one question, 1–5, and a comment) shown on the portal
    or after a Q&A answer, a contest or a training. ``sampling_rate``: the share of
    visitors invited (decided on the server)."""

    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    title = models.CharField(_("tiêu đề"), max_length=200)
    context = models.CharField(
        _("gắn với"), max_length=10, choices=SurveyContext.choices, default=SurveyContext.PORTAL
    )
    question = models.CharField(_("câu hỏi"), max_length=300)
    intro = models.TextField(_("lời giới thiệu"), blank=True, max_length=1000)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị tổ chức"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Câu trả lời không chọn xã, phường được tính cho đơn vị này."),
    )
    active = models.BooleanField(_("đang mở"), default=True)
    sampling_rate = models.DecimalField(
        _("tỷ lệ mời"),
        max_digits=4,
        decimal_places=3,
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Tỷ lệ người xem được mời trả lời, từ 0 đến 1."),
    )
    ask_unit = models.BooleanField(_("hỏi xã, phường"), default=True)

    class Meta:
        ordering = ["context", "title"]
        verbose_name = _("khảo sát hài lòng")
        verbose_name_plural = _("khảo sát hài lòng")
        constraints = [
            models.CheckConstraint(
                condition=Q(sampling_rate__gte=0) & Q(sampling_rate__lte=1),
                name="kpi_survey_sampling_rate",
            )
        ]

    def __str__(self) -> str:
        return self.title


class SurveyResponse(models.Model):
    """One answer: a score 1–5 and an optional comment. No name, no contact, no IP
    address: ``dedupe_hash`` is a keyed hash of the browser's random token (or, without
    cookies, of the address), the survey, the day and the context, used only to refuse a
    second answer. ``reach_key``: the hashed account key of a signed-in respondent (the
    "persons reached" count), empty otherwise."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    score = models.PositiveSmallIntegerField(
        _("điểm"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("góp ý"), blank=True, max_length=1000)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("xã, phường"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    context_type = models.CharField(max_length=40, blank=True)
    context_id = models.CharField(max_length=40, blank=True)
    day = models.DateField(db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    dedupe_hash = models.CharField(max_length=64)
    reach_key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("câu trả lời khảo sát")
        verbose_name_plural = _("câu trả lời khảo sát")
        constraints = [
            models.UniqueConstraint(fields=["survey", "dedupe_hash"], name="kpi_response_once"),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="kpi_response_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey.slug} {self.day}: {self.score}"
