"""The hash-chained audit log: written for actions, verified, tamper detected."""

from itertools import pairwise

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from pbgdpl.core.audit import audit_record, audit_verify_chain
from pbgdpl.core.models import AuditEvent, AuditLogIsAppendOnly
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _three_events():
    user = UserFactory()
    for action in ("test.one", "test.two", "test.three"):
        audit_record(action=action, obj=user, actor=user, ip="203.0.113.7", data={"k": action})
    return list(AuditEvent.objects.filter(action__startswith="test.").order_by("seq"))


def _raw(sql: str, params: list) -> None:
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


def test_events_chain_each_to_the_previous_hash():
    events = list(AuditEvent.objects.order_by("seq"))
    events += _three_events()
    assert [e.seq for e in AuditEvent.objects.order_by("seq")] == list(
        range(1, AuditEvent.objects.count() + 1)
    )
    chained = list(AuditEvent.objects.order_by("seq"))
    for previous, current in pairwise(chained):
        assert current.prev_hash == previous.hash
    assert audit_verify_chain() == (len(chained), None)


def test_event_records_actor_object_unit_and_ip(commune_a):
    user = UserFactory()
    event = audit_record(action="units.population_update", obj=commune_a, actor=user, ip="::1")
    assert event.actor_id == user.pk
    assert event.actor_label == str(user)
    assert event.object_type == "units.unit"
    assert event.object_id == str(commune_a.pk)
    assert event.unit_code == commune_a.code
    assert event.ip == "::1"


def test_orm_refuses_to_update_or_delete_events():
    event = _three_events()[0]
    event.action = "forged"
    with pytest.raises(AuditLogIsAppendOnly):
        event.save()
    with pytest.raises(AuditLogIsAppendOnly):
        event.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().delete()


def test_audit_verify_passes_on_an_intact_log():
    _three_events()
    call_command("audit_verify")


def test_audit_verify_names_the_edited_row():
    events = _three_events()
    _raw("UPDATE {table} SET action = %s WHERE seq = %s", ["forged", events[1].seq])
    with pytest.raises(CommandError, match=rf"#{events[1].seq}\b"):
        call_command("audit_verify")


def test_audit_verify_detects_edited_data_field():
    events = _three_events()
    _raw("UPDATE {table} SET ip = %s WHERE seq = %s", ["198.51.100.1", events[0].seq])
    _checked, broken = audit_verify_chain()
    assert broken is not None and broken.seq == events[0].seq


def test_audit_verify_names_the_row_after_a_removed_one():
    events = _three_events()
    _raw("DELETE FROM {table} WHERE seq = %s", [events[1].seq])
    with pytest.raises(CommandError, match=rf"#{events[1].seq}\b"):
        call_command("audit_verify")


def test_audit_verify_detects_a_removed_last_row():
    events = _three_events()
    _raw("DELETE FROM {table} WHERE seq = %s", [events[-1].seq])
    _checked, broken = audit_verify_chain()
    assert broken is not None
    assert broken.seq == events[-1].seq


def test_audit_verify_detects_a_rehashed_forgery():
    """Recomputing one row's own hash is not enough: the next row still points at the old one."""
    from pbgdpl.core.audit import audit_event_hash

    events = _three_events()
    victim = events[0]
    fields = {
        f: getattr(victim, f)
        for f in (
            "seq",
            "created_at",
            "actor_id",
            "actor_label",
            "object_type",
            "object_id",
            "object_repr",
            "unit_code",
            "ip",
            "data",
            "prev_hash",
        )
    }
    forged_hash = audit_event_hash(action="forged", **fields)
    _raw(
        "UPDATE {table} SET action = %s, hash = %s WHERE seq = %s",
        ["forged", forged_hash, victim.seq],
    )
    _checked, broken = audit_verify_chain()
    assert broken is not None and broken.seq == events[1].seq


def test_audit_event_rolls_back_with_the_failed_action():
    from django.db import transaction

    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(action="test.rolled_back")
        raise RuntimeError("the action failed")
    assert AuditEvent.objects.count() == before
    assert audit_verify_chain()[1] is None
