"""Preload the plan's indicators, data elements, phases and targets (idempotent; the same
loader as ``manage.py kpi_indicators_load``)."""

from django.db import migrations


def preload(apps, schema_editor):
    from pbgdpl.kpi.definitions import indicators_load

    indicators_load(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("kpi", "0001_initial")]

    operations = [migrations.RunPython(preload, migrations.RunPython.noop)]
