"""Where evidence files of outreach activities are kept: a private file store that no
public URL serves. Staff download them through the back office only (a view that checks
"outreach.view" on the activity's unit and writes the download to the audit log).

The store is, in order of preference:

- the ``outreach_evidence`` alias of ``settings.STORAGES`` when the operator defines one
  (e.g. a private S3-compatible bucket when several app servers share the files);
- else a folder on disk: ``settings.OUTREACH_EVIDENCE_ROOT`` when set, otherwise the
  folder ``<MEDIA_ROOT>-private/outreach`` beside the media folder (``var/media-private``
  in the demo). It is never below ``MEDIA_ROOT``, which the web server (or the demo)
  serves to anyone.

The folder is read from the settings on every use, so tests that point ``MEDIA_ROOT`` at a
temporary folder keep the evidence there too.
"""

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible

STORAGE_ALIAS = "outreach_evidence"


def evidence_root() -> Path:
    """The folder of the evidence files when they are kept on disk."""
    configured = getattr(settings, "OUTREACH_EVIDENCE_ROOT", None)
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT)
    return media.with_name(media.name + "-private") / "outreach"


@deconstructible
class PrivateEvidenceStorage(FileSystemStorage):
    """A FileSystemStorage at :func:`evidence_root` (read from the settings each time),
    with no URL: ``url()`` refuses, so no template can link a file past the permission
    check."""

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(evidence_root())

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Outreach evidence has no public URL: use the back-office download.")


def evidence_storage() -> Storage | Any:
    """The storage of ``ActivityEvidence.file`` (see the module's docstring)."""
    if STORAGE_ALIAS in getattr(settings, "STORAGES", {}):
        return storages[STORAGE_ALIAS]
    return PrivateEvidenceStorage()
