"""Base models and the append-only, hash-chained audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Abstract base: creation and last-change times."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class AuditLogIsAppendOnly(Exception):
    """Raised when code tries to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogIsAppendOnly("Audit events cannot be updated.")

    def delete(self):
        raise AuditLogIsAppendOnly("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    """One audited action. Rows are chained: each hash covers the row and the previous hash.

    Written only through ``pbgdpl.core.audit.audit_record``; never updated or deleted
    (``manage.py audit_verify`` detects any row edited or removed behind the ORM's back).
    The actor is stored as id + label, not a foreign key, so deleting a user changes nothing.
    """

    seq = models.PositiveBigIntegerField(_("số thứ tự"), unique=True, editable=False)
    created_at = models.DateTimeField(_("thời điểm"), db_index=True, editable=False)
    actor_id = models.PositiveBigIntegerField(_("mã người thực hiện"), null=True, db_index=True)
    actor_label = models.CharField(_("người thực hiện"), max_length=255, blank=True)
    action = models.CharField(_("hành động"), max_length=100, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=100, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=255, blank=True)
    unit_code = models.CharField(_("đơn vị"), max_length=32, blank=True, db_index=True)
    ip = models.CharField(_("địa chỉ IP"), max_length=45, blank=True)
    data = models.JSONField(_("chi tiết"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký kiểm toán")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AuditLogIsAppendOnly("Audit events cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("Audit events cannot be deleted.")


class AuditChainHead(models.Model):
    """The single row holding the chain's last sequence number and hash.

    Locked (SELECT … FOR UPDATE) by every writer so that concurrent app servers
    extend the chain one at a time; it also lets audit_verify notice removed tail rows.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")

    def __str__(self) -> str:
        return f"#{self.last_seq} {self.last_hash[:12]}"


class CalendarDay(models.Model):
    """A day that breaks the Monday–Friday working week of state agencies.

    Public holidays and the days off the Government moves around them (nghỉ lễ, Tết, nghỉ
    bù) are ``holiday``; Saturdays worked in exchange (làm bù) are ``workday``. Each year's
    schedule is announced by the Ministry of Home Affairs, so it is data kept in the back
    office, never code; service-level deadlines count working days with it.
    """

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Ngày nghỉ lễ, Tết")
        WORKDAY = "workday", _("Ngày làm bù")

    day = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.HOLIDAY)
    name = models.CharField(_("tên"), max_length=200)

    class Meta:
        ordering = ["day"]
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù")

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} – {self.name}"
