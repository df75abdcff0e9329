"""The common legal fields (lĩnh vực) as data, so editors can classify from day one."""

from django.db import migrations


def seed(apps, schema_editor):
    from pbgdpl.laws.seeds import legal_fields_seed

    legal_fields_seed(apps.get_model("laws", "LegalField"))


class Migration(migrations.Migration):
    dependencies = [("laws", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
