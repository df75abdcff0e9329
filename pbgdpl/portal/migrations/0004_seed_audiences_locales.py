"""Audiences (đối tượng) as data, and the content languages' locales."""

from django.db import migrations


def seed(apps, schema_editor):
    from pbgdpl.portal.seeds import audiences_seed

    audiences_seed(apps.get_model("portal", "Audience"))
    Locale = apps.get_model("wagtailcore", "Locale")
    for language in ("vi", "en", "jra"):
        Locale.objects.get_or_create(language_code=language)


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_content_types")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
