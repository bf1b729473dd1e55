"""Print a fingerprint of a database's content, to prove a change leaves the demo as it was.

Load the demo into a fresh database before and after the change, fingerprint each, and
``diff`` the two files::

    export DATABASE_URL=sqlite:////tmp/before.sqlite3 MEDIA_ROOT=/tmp/before-media
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python -m demo.fingerprint > /tmp/before.txt

One line per row of every model (JSON, by model and primary key). What differs from run to run
is masked: timestamps, random UUIDs (block ids, translation keys) and password hashes. Rows
whose order follows random values (reference index entries, translation keys) are compared
as a set, and a mapping keyed by random ids (a quiz attempt's answers) as a list of values.
"""

import json
import os
import re
import sys

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
DATETIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?")
UNORDERED = {"wagtailcore.ReferenceIndex", "wagtail_localize.TranslatableObject"}


def mask(text):
    return DATETIME.sub("<dt>", UUID.sub("<uuid>", text))


def value_of(field, obj, models):
    value = field.value_from_object(obj)
    if hasattr(value, "raw_data"):  # a StreamField's value
        value = list(value.raw_data)
    elif isinstance(field, models.FileField):
        value = value.name
    if isinstance(value, dict) and value and all(UUID.fullmatch(str(key)) for key in value):
        # Keyed by random ids (a quiz attempt's answers): the values, in a stable order.
        items = (json.dumps(item, sort_keys=True, default=str) for item in value.values())
        value = sorted(mask(item) for item in items)
    if isinstance(value, dict | list):
        value = json.dumps(value, sort_keys=True, default=str)
    return mask(str(value))


def rows(model, models):
    fields = [
        field
        for field in model._meta.concrete_fields
        if not isinstance(field, models.DateTimeField | models.UUIDField)
        and field.name not in ("password", "last_login")
    ]
    label = model._meta.label
    found = []
    for obj in model._base_manager.order_by("pk"):
        row = {"model": label, "pk": mask(str(obj.pk))}
        row.update((field.attname, value_of(field, obj, models)) for field in fields)
        if label in UNORDERED:
            row.pop("pk"), row.pop("id", None)
        found.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
    return sorted(found) if label in UNORDERED else found


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    import django

    django.setup()
    from django.apps import apps
    from django.db import models

    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        if model._meta.managed and not model._meta.proxy:
            for line in rows(model, models):
                sys.stdout.write(line + "\n")


if __name__ == "__main__":
    main()
