"""The back office speaks Vietnamese: Wagtail's strings are covered by our catalogue."""

import json
from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.utils import translation

WAGTAIL = Path(wagtail.__file__).parent
OUR_VI = Path(settings.BASE_DIR) / "pbgdpl" / "locale" / "vi" / "LC_MESSAGES"
# A Wagtail patch release may add a string or two; the catalogue must still cover nearly all.
MINIMUM_COVERAGE = 0.98


def _english_entries(domain: str) -> set[tuple[str | None, str]]:
    keys = set()
    for path in WAGTAIL.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"):
        if "styleguide" in path.parts:
            continue
        keys |= {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}
    return keys


def _translated(domain: str) -> set[tuple[str | None, str]]:
    catalogue = polib.pofile(str(OUR_VI / f"{domain}.po"))
    return {
        (e.msgctxt, e.msgid)
        for e in catalogue
        if (e.msgstr_plural.get(0) if e.msgid_plural else e.msgstr) and "fuzzy" not in e.flags
    }


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_wagtail_strings_have_vietnamese_translations(domain):
    english = _english_entries(domain)
    missing = english - _translated(domain)
    coverage = 1 - len(missing) / len(english)
    print(f"{domain}: {len(english) - len(missing)}/{len(english)} = {coverage:.1%}")
    assert coverage >= MINIMUM_COVERAGE, sorted(m[1] for m in missing)[:20]


def test_compiled_catalogues_are_up_to_date():
    for domain in ("django", "djangojs"):
        po, mo = OUR_VI / f"{domain}.po", OUR_VI / f"{domain}.mo"
        assert mo.exists(), f"run: make messages ({mo} is missing)"
        compiled = {(e.msgctxt, e.msgid) for e in polib.mofile(str(mo))}
        assert compiled == {
            (e.msgctxt, e.msgid) for e in polib.pofile(str(po)) if e.msgstr or e.msgstr_plural
        }


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [("Dashboard", "Bảng điều khiển"), ("Save draft", "Lưu nháp"), ("Sign in", "Đăng nhập")],
)
def test_django_serves_the_vietnamese_strings(english, vietnamese):
    with translation.override("vi"):
        assert translation.gettext(english) == vietnamese


def test_our_vietnamese_strings_have_english_translations():
    with translation.override("en"):
        assert translation.gettext("Đơn vị hành chính") == "Administrative units"


@pytest.mark.django_db
def test_back_office_javascript_catalogue_is_vietnamese(client):
    from tests.factories import UserFactory, login_with_second_factor

    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    # The catalogue is JavaScript with non-ASCII letters escaped as in JSON.
    assert json.dumps("Đã xảy ra lỗi mạng.")[1:-1] in response.content.decode("utf-8")
