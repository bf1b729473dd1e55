"""PostgreSQL only: the text-search configuration for languages without a built-in stemmer.

``hub_simple_unaccent`` is ``simple`` (no stemming, no stop words) with accents folded by the
``unaccent`` extension, used for Polish and Slovenian (see ``search.languages``). Where the
extension cannot be created (no privilege, not installed) it is plain ``simple`` under that
name, so the configuration always exists; re-running this migration later adds the folding.
Other databases: nothing to do.
"""

from django.db import migrations, transaction

NAME = "hub_simple_unaccent"


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [NAME])
        if cursor.fetchone():
            return
        try:
            with transaction.atomic(using=connection.alias), connection.cursor() as inner:
                inner.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            folding = True
        except Exception:  # no privilege or no contrib package: no folding, but a config
            folding = False
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {NAME} (COPY = simple)")
        if folding:
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {NAME} "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0002_report_permissions")]

    operations = [migrations.RunPython(create, drop)]
