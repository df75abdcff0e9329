"""The shared data warehouse on this node.

:class:`SharedItem` is one item of the warehouse — ours or pulled from a peer — with its
global URI, origin, version (only grows), content hash, licence and last change. Its
``seq`` is the position of its latest change in this node's change feed: the feed is
the items ordered by ``seq`` (a compacted log: an item appears once, at its latest
change; a deleted item stays forever as a tombstone). :class:`ItemChange` keeps every
change (append-only history). Sequence numbers come from :class:`FeedSequence`, whose
row is locked until the writer commits, so changes commit in ``seq`` order and a reader
paging with ``after=<seq>`` never skips one that commits late.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChangeOp(models.TextChoices):
    UPSERT = "upsert", _("Thêm hoặc sửa")
    DELETE = "delete", _("Xóa")


class FeedSequence(models.Model):
    """The one row holding the last sequence number handed out."""

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.value)


class Peer(models.Model):
    """Another node (or any repository an adapter can read) this node pulls from."""

    class Kind(models.TextChoices):
        FEED = "feed", _("Nút PBGDPL Số (luồng thay đổi)")
        OAI = "oai", _("Kho OAI-PMH")
        LGSP = "lgsp", _("API LGSP")

    class State(models.TextChoices):
        IDLE = "idle", _("Sẵn sàng")
        RUNNING = "running", _("Đang kéo")
        FAILED = "failed", _("Lỗi")

    name = models.SlugField(_("tên"), max_length=60, unique=True)
    base_url = models.URLField(_("địa chỉ"), max_length=300)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.FEED)
    token = models.CharField(_("mã truy cập"), max_length=300, blank=True)
    types = models.JSONField(_("loại dữ liệu"), default=list, blank=True)
    options = models.JSONField(default=dict, blank=True)
    cursor = models.CharField(_("con trỏ"), max_length=300, blank=True)
    enabled = models.BooleanField(_("đang bật"), default=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.IDLE)
    last_run_at = models.DateTimeField(_("lần kéo gần nhất"), null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    received_count = models.PositiveBigIntegerField(_("đã nhận"), default=0)
    rejected_count = models.PositiveBigIntegerField(_("đã từ chối"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nút ngang hàng")
        verbose_name_plural = _("nút ngang hàng")

    def __str__(self) -> str:
        return self.name


class SharedItem(models.Model):
    """One item of the warehouse; ``deleted`` marks a tombstone (kept forever)."""

    uri = models.CharField(max_length=500, unique=True)
    type = models.CharField(max_length=60)
    uuid = models.UUIDField()
    origin = models.CharField(_("nút gốc"), max_length=300)
    origin_id = models.CharField(max_length=200)
    local_id = models.CharField(max_length=100, blank=True)
    version = models.PositiveBigIntegerField()
    hash = models.CharField(max_length=64)
    licence = models.CharField(_("giấy phép"), max_length=200, blank=True)
    updated_at = models.DateTimeField()
    deleted = models.BooleanField(default=False)
    data = models.JSONField(default=dict, blank=True)
    peer = models.ForeignKey(
        Peer, null=True, blank=True, on_delete=models.PROTECT, related_name="items"
    )
    seq = models.PositiveBigIntegerField(unique=True)
    # When this node last stored a change of the item (its ``seq`` moved): the OAI-PMH
    # datestamp. ``updated_at`` is the origin's time and can be older for an item that
    # arrives late from a peer, which a date-based harvester would miss.
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("mục dữ liệu chia sẻ")
        verbose_name_plural = _("mục dữ liệu chia sẻ")
        indexes = [
            models.Index(fields=["type", "seq"]),
            models.Index(fields=["type", "local_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.uri} v{self.version}{' (đã xóa)' if self.deleted else ''}"

    @property
    def is_local(self) -> bool:
        return self.peer_id is None


class ItemChange(models.Model):
    """Append-only history: every version of every item this node has held."""

    seq = models.PositiveBigIntegerField(unique=True)
    uri = models.CharField(max_length=500, db_index=True)
    op = models.CharField(max_length=10, choices=ChangeOp.choices)
    version = models.PositiveBigIntegerField()
    hash = models.CharField(max_length=64)
    peer = models.ForeignKey(Peer, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"{self.seq} {self.op} {self.uri} v{self.version}"


class RejectedItem(models.Model):
    """An item a peer sent that was refused, with the reason (the rest of its batch went on)."""

    peer = models.ForeignKey(Peer, on_delete=models.CASCADE, related_name="rejections")
    uri = models.CharField(max_length=500, blank=True)
    reason = models.TextField(_("lý do"))
    excerpt = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("mục bị từ chối")
        verbose_name_plural = _("mục bị từ chối")

    def __str__(self) -> str:
        return f"{self.peer_id} {self.uri}: {self.reason[:80]}"


class PeerRun(models.Model):
    """One pull from a peer: what it did and how it ended."""

    peer = models.ForeignKey(Peer, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    batches = models.PositiveIntegerField(default=0)
    received = models.PositiveIntegerField(default=0)
    applied = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    full = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.peer_id} {self.started_at:%Y-%m-%d %H:%M}"


class AccessToken(models.Model):
    """A token a peer presents (``Authorization: Bearer …``) to read restricted types.

    Only the SHA-256 of the token is stored; the token itself is shown once, when made.
    """

    name = models.CharField(_("tên nút được cấp"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    types = models.JSONField(_("loại dữ liệu được đọc"), default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập của nút")
        verbose_name_plural = _("mã truy cập của nút")

    def __str__(self) -> str:
        return self.name


class Subscription(models.Model):
    """A peer's WebSub-style subscription to push hints about this node's feed (push.py).

    Made by a holder of a peer :class:`AccessToken` after the callback confirmed the
    intent; while active and within its lease, every committed change of a matching type
    queues at most one signed notice (``pending``) to ``callback``. ``secret`` signs the
    notices (HMAC-SHA256), so it is stored as given.
    """

    token = models.ForeignKey(
        AccessToken,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("mã truy cập của nút"),
    )
    callback = models.URLField(_("địa chỉ nhận thông báo"), max_length=500)
    secret = models.CharField(max_length=200)
    types = models.JSONField(_("loại dữ liệu"), default=list, blank=True)
    lease_seconds = models.PositiveIntegerField()
    lease_until = models.DateTimeField(_("hiệu lực đến"))
    active = models.BooleanField(_("đang hoạt động"), default=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    pending = models.BooleanField(default=False)
    last_seq = models.PositiveBigIntegerField(default=0)
    last_sent_at = models.DateTimeField(_("lần gửi gần nhất"), null=True, blank=True)
    failures = models.PositiveIntegerField(_("số lần lỗi liên tiếp"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("đăng ký nhận thông báo")
        verbose_name_plural = _("đăng ký nhận thông báo")
        constraints = [
            models.UniqueConstraint(
                fields=["token", "callback"], name="exchange_subscription_token_callback"
            )
        ]
        indexes = [models.Index(fields=["active", "lease_until"])]

    def __str__(self) -> str:
        return f"{self.token_id} → {self.callback}"
