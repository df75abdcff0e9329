"""Every outreach test keeps uploaded evidence in its own temporary folders."""

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
