"""Editors manage officer roles and terms, import officers and read the cohort report."""

from django.db import migrations

EDITOR_PERMISSIONS = [
    ("officerrole", ["add", "change", "delete", "view"]),
    ("officerterm", ["add", "change", "delete", "view"]),
]
EDITOR_EXTRA = ["import_officers", "view_cohort_report"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS for action in actions]
    codenames += EDITOR_EXTRA
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="induction", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("induction", "0001_initial"),
        ("hub", "0003_groups_and_locales"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
