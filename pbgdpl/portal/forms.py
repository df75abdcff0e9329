"""Back-office forms of the portal."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Wagtail's image form with the text alternative required at upload.

    The ``description`` field is what templates use as ``alt``: an image without one
    cannot be stored, so no public page shows an image a screen reader cannot describe.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = _("Văn bản thay thế (alt)")
            field.help_text = _(
                "Bắt buộc. Mô tả ngắn nội dung ảnh cho người khiếm thị, ví dụ "
                "“Cán bộ tư pháp xã tuyên truyền Luật Đất đai cho bà con”."
            )
