"""Administrative units: a dated tree (province → commune/ward/special zone)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.models import TimeStampedModel


class UnitKind(models.TextChoices):
    PROVINCE = "tinh", _("Tỉnh")
    CITY = "thanh_pho", _("Thành phố trực thuộc trung ương")
    COMMUNE = "xa", _("Xã")
    WARD = "phuong", _("Phường")
    SPECIAL_ZONE = "dac_khu", _("Đặc khu")


PROVINCE_LEVEL_KINDS = (UnitKind.PROVINCE, UnitKind.CITY)


class Unit(TimeStampedModel):
    """An administrative unit valid from ``valid_from`` until ``valid_to`` (exclusive).

    ``path`` is the chain of codes from the root ("52/21583/"), so "is X inside Y"
    is a prefix test on any database.
    """

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    codename = models.SlugField(_("tên mã"), max_length=200, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_urban = models.BooleanField(_("thành thị"), default=False)
    population = models.PositiveIntegerField(_("dân số"), null=True, blank=True)
    population_male = models.PositiveIntegerField(_("dân số nam"), null=True, blank=True)
    population_female = models.PositiveIntegerField(_("dân số nữ"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("năm số liệu dân số"), null=True, blank=True
    )
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)
    source = models.CharField(_("nguồn dữ liệu"), max_length=200, blank=True)
    successors = models.ManyToManyField(
        "self",
        through="UnitSuccession",
        symmetrical=False,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )

    class Meta:
        ordering = ["path"]
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gt=models.F("valid_from")),
                name="unit_valid_to_after_valid_from",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def audit_unit_code(self) -> str:
        return self.code

    def contains(self, other: "Unit") -> bool:
        """True when ``other`` is this unit or lies anywhere below it."""
        return other.path.startswith(self.path)


class UnitSuccession(models.Model):
    """A merger/split link: ``predecessor`` went into ``successor`` on ``effective_date``."""

    predecessor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    successor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    effective_date = models.DateField(_("ngày hiệu lực"))
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("kế thừa đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="unit_succession_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
