"""Users (login by e-mail or phone) and roles granted on an administrative unit."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.models import TimeStampedModel


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str | None, phone: str | None, password: str | None, **extra):
        from .identifiers import normalize_email, normalize_phone

        email = normalize_email(email) if email else None
        phone = normalize_phone(phone) if phone else None
        if not email and not phone:
            raise ValueError("A user needs an e-mail address or a phone number.")
        user = self.model(email=email, phone=phone, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str | None = None, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, extra.pop("phone", None), password, **extra)

    def create_superuser(self, email: str | None = None, password: str | None = None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, extra.pop("phone", None), password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address or a Vietnamese phone number.

    Names follow Vietnamese order: ``last_name`` is họ (and tên đệm), ``first_name`` is tên.
    """

    email = models.EmailField(_("thư điện tử"), unique=True, null=True, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=16, unique=True, null=True, blank=True)
    first_name = models.CharField(_("tên"), max_length=100, blank=True)
    last_name = models.CharField(_("họ và tên đệm"), max_length=150, blank=True)
    is_staff = models.BooleanField(_("cán bộ quản trị"), default=False)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    date_joined = models.DateTimeField(_("ngày tham gia"), default=timezone.now)
    # The commune (or ward) the person says they live in: optional, chosen by them; the
    # indicators count the people reached digitally by it (see ``reach.py``).
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("xã, phường nơi sinh sống"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.CheckConstraint(
                condition=Q(email__isnull=False) | Q(phone__isnull=False),
                name="user_has_email_or_phone",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email or self.phone or f"#{self.pk}"

    def get_full_name(self) -> str:
        return f"{self.last_name} {self.first_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.get_full_name()


class Role(models.TextChoices):
    PROVINCE_ADMIN = "province_admin", _("Quản trị cấp tỉnh")
    EDITOR = "editor", _("Biên tập viên")
    APPROVER = "approver", _("Người duyệt")
    UNIT_OFFICER = "unit_officer", _("Cán bộ đơn vị")
    REPORTER = "reporter", _("Báo cáo viên pháp luật")
    PROPAGANDIST = "propagandist", _("Tuyên truyền viên pháp luật")
    CITIZEN = "citizen", _("Người dân")


class RoleAssignmentQuerySet(models.QuerySet):
    def active(self, on=None):
        """Assignments in force on ``on`` (today by default) and not revoked."""
        day = on or timezone.localdate()
        return self.filter(
            Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gt=day),
            revoked_at__isnull=True,
        )


class RoleAssignment(TimeStampedModel):
    """``user`` holds ``role`` on ``unit`` and everything below it, between the two dates."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("hiệu lực từ"), default=timezone.localdate)
    valid_to = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        indexes = [models.Index(fields=["user", "role"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class UserActiveDay(models.Model):
    """A day on which an account was used (at most one row per account and day).

    Written by ``middleware.AccountActivityMiddleware`` through
    ``services.user_active_day_record``; read by ``selectors.account_reach_records``.
    Holds no more than the account and the date: no page, no address, no time of day."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="active_days")
    day = models.DateField(_("ngày"))

    class Meta:
        verbose_name = _("ngày sử dụng tài khoản")
        verbose_name_plural = _("ngày sử dụng tài khoản")
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="people_user_active_day_once")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.day}"
