"""Seed the four audiences and let Editors manage resources and read feedback."""

from django.db import migrations

AUDIENCES = ["staff", "leaders", "learners", "partners"]

EDITOR_PERMISSIONS = {
    "resource": ["add", "change", "delete", "view"],
    "feedback": ["view"],
}


def seed_audiences(apps, schema_editor):
    Audience = apps.get_model("knowledge", "Audience")
    for order, slug in enumerate(AUDIENCES):
        Audience.objects.update_or_create(slug=slug, defaults={"sort_order": order})


def grant_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("knowledge")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for model, actions in EDITOR_PERMISSIONS.items():
        for action in actions:
            editors.permissions.add(
                Permission.objects.get(
                    content_type__app_label="knowledge", codename=f"{action}_{model}"
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("hub", "0003_groups_and_locales"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(seed_audiences, migrations.RunPython.noop),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
