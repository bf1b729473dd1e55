"""Create the content locales and the four working groups with their permissions.

Page permissions that depend on pages existing (for example Staff adding projects under a
registry page) are granted where those pages are created.
"""

from django.conf import settings
from django.db import migrations

GROUPS = {
    "Editors": {
        "admin": True,
        "models": {
            "hub.theme": ["add", "change", "delete"],
            "hub.unit": ["add", "change", "delete"],
            "hub.campus": ["add", "change", "delete"],
            "wagtailimages.image": ["add", "change", "delete", "choose"],
            "wagtaildocs.document": ["add", "change", "delete", "choose"],
        },
        "pages": ["add", "change", "publish", "lock", "unlock"],
    },
    "Moderators": {
        "admin": True,
        "models": {
            "wagtailimages.image": ["add", "choose"],
            "wagtaildocs.document": ["add", "choose"],
        },
        "pages": ["add", "change", "publish", "lock", "unlock"],
    },
    "Staff": {
        "admin": True,
        "models": {
            "wagtailimages.image": ["add", "choose"],
            "wagtaildocs.document": ["add", "choose"],
        },
        "pages": [],
    },
    "Officers": {"admin": False, "models": {}, "pages": []},
}


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()

    for name, spec in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        if spec["admin"]:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )
        for label, actions in spec["models"].items():
            app_label, model = label.split(".")
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    )
                )
        if root is not None:
            for action in spec["pages"]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=f"{action}_page"
                    ),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0002_pages_and_taxonomies"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_locales, migrations.RunPython.noop),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
