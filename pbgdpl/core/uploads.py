"""Checks of uploaded documents and photos (a training course's document, an outreach
activity's evidence): the extension is one the caller allows, the size is within its
limit, and the content is what the extension says.

- PDF: starts with ``%PDF-``;
- Office Open XML (.docx, .xlsx, .pptx): a zip holding the part that proves the kind
  (``word/document.xml``, …);
- OpenDocument (.odt, .ods, .odp): a zip whose ``mimetype`` member names the kind;
- photos (.jpg, .jpeg, .png, .webp, .heic) and old Word (.doc): the signature sniffed by
  ``filetype``; photos other than HEIC must also open in Pillow.

:func:`upload_check` refuses with :class:`UploadRefused` (a Vietnamese message); each
app turns it into its own input error.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from django.utils.translation import gettext as _

__all__ = [
    "CONTENT_TYPES",
    "UploadRefused",
    "content_matches",
    "megabytes_text",
    "upload_check",
    "upload_extension",
]

# Extension → the content type the file is served with.
CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "doc": "application/msword",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "heic": "image/heic",
}
_OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
_ODF = {"odt", "ods", "odp"}
# Extension → the content types ``filetype`` may sniff for it.
_SNIFFED = {
    "jpg": ("image/jpeg",),
    "jpeg": ("image/jpeg",),
    "png": ("image/png",),
    "webp": ("image/webp",),
    "heic": ("image/heic", "image/heif"),
    "doc": ("application/msword",),
}
_PILLOW_CHECKED = {"jpg", "jpeg", "png", "webp"}  # Pillow needs a plug-in for HEIC


class UploadRefused(ValueError):
    """An upload refused; ``message`` is for the person who sent it."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def megabytes_text(size: int) -> str:
    """A byte limit for a message: 10485760 → "10 MB"."""
    return f"{size / (1024 * 1024):.0f} MB"


def upload_extension(name: str) -> str:
    """The lower-case extension of a file name ("" when it has none)."""
    name = str(name or "")
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _zip_has(data: bytes, extension: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if extension in _ODF:
                return "mimetype" in names and (
                    archive.read("mimetype").strip() == CONTENT_TYPES[extension].encode()
                )
            return _OOXML_PARTS[extension] in names
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False


def _image_opens(data: bytes) -> bool:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds for a damaged or fake image
        return False
    return True


def content_matches(data: bytes, extension: str) -> bool:
    """Whether ``data`` is a file of the kind ``extension`` names (see the module)."""
    if extension == "pdf":
        return data.startswith(b"%PDF-")
    if extension in _OOXML_PARTS or extension in _ODF:
        return _zip_has(data, extension)
    if extension in _SNIFFED:
        import filetype

        guess = filetype.guess(data[:8192])
        if guess is None or guess.mime not in _SNIFFED[extension]:
            return False
        return extension not in _PILLOW_CHECKED or _image_opens(data)
    return False


def upload_check(
    data: bytes, *, name: str, allowed: Iterable[str], max_bytes: int, kinds: str
) -> str:
    """The extension of an uploaded file (``name``, content ``data``) once it is one of
    ``allowed``, not empty, at most ``max_bytes`` and its content matches; else
    :class:`UploadRefused`. ``kinds`` names what is accepted in the refusal ("ảnh, tệp
    PDF hoặc văn bản Word")."""
    allowed = list(allowed)
    if not data:
        raise UploadRefused(_("Tệp rỗng."))
    if len(data) > max_bytes:
        raise UploadRefused(
            _("Tệp lớn hơn %(size)s: hãy thu nhỏ hoặc tách tệp.")
            % {"size": megabytes_text(max_bytes)}
        )
    extension = upload_extension(name)
    if extension not in allowed:
        raise UploadRefused(
            _("Chỉ nhận %(kinds)s (%(types)s).")
            % {"kinds": kinds, "types": ", ".join(f".{e}" for e in allowed)}
        )
    if not content_matches(data, extension):
        raise UploadRefused(
            _(
                "Nội dung tệp không phải tệp .%(ext)s (hoặc tệp đã hỏng): hãy mở và lưu lại "
                "đúng định dạng."
            )
            % {"ext": extension}
        )
    return extension
