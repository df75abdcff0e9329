"""The search change log: every write to searchable content appends a row here.

Each app server keeps its own index and applies this log in ``seq`` order, so every
server converges on the same index whatever process made the change (see docs/search.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchChangeOp(models.TextChoices):
    UPSERT = "upsert", _("Thêm hoặc sửa")
    DELETE = "delete", _("Xóa")


class SearchChange(models.Model):
    """One searchable item of ``type`` with ``object_id`` changed (or was deleted)."""

    seq = models.BigAutoField(primary_key=True)
    type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64)
    op = models.CharField(max_length=10, choices=SearchChangeOp.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("thay đổi chỉ mục tìm kiếm")
        verbose_name_plural = _("thay đổi chỉ mục tìm kiếm")

    def __str__(self) -> str:
        return f"#{self.seq} {self.op} {self.type}:{self.object_id}"
