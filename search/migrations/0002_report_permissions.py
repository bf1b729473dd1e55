"""Let Editors manage editors' picks and read the search report; Moderators read the report."""

from django.db import migrations

GRANTS = {
    "Editors": [
        ("hubsearch", "view_searchterm"),
        ("wagtailsearchpromotions", "add_searchpromotion"),
        ("wagtailsearchpromotions", "change_searchpromotion"),
        ("wagtailsearchpromotions", "delete_searchpromotion"),
    ],
    "Moderators": [("hubsearch", "view_searchterm")],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for label in ("hubsearch", "wagtailsearchpromotions"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in perms:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for app_label, codename in perms:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("hubsearch", "0001_search_models"),
        ("hub", "0003_groups_and_locales"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
