"""demo_load: the Gia Lai units and working demo logins, idempotent."""

import pytest
from django.core.management import call_command

from pbgdpl.people.models import RoleAssignment, User
from pbgdpl.people.permissions import can
from pbgdpl.units.models import Unit

pytestmark = pytest.mark.django_db


def test_demo_load_twice_gives_the_same_data_and_prints_the_login(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"  # the portal demo writes images and files
    call_command("demo_load")
    first = capsys.readouterr().out
    counts = (Unit.objects.count(), User.objects.count(), RoleAssignment.objects.count())
    call_command("demo_load")
    assert (Unit.objects.count(), User.objects.count(), RoleAssignment.objects.count()) == counts
    password = (tmp_path / "demo_password").read_text().strip()
    assert "quantri@demo.pbgdpl.vn" in first and password in first
    admin = User.objects.get(email="quantri@demo.pbgdpl.vn")
    assert admin.check_password(password) and admin.is_staff
    assert Unit.objects.filter(parent__code="52").count() == 135
    officer = User.objects.get(email="canbo1@demo.pbgdpl.vn")
    own = RoleAssignment.objects.get(user=officer).unit
    other = Unit.objects.filter(parent__code="52").exclude(pk=own.pk).first()
    assert can(officer, "units.change", own) and not can(officer, "units.change", other)
