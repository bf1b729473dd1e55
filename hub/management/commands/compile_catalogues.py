"""Compile the interface catalogues (``locale/*/LC_MESSAGES/*.po`` → ``.mo``) with polib.

Django's ``compilemessages`` needs GNU gettext's ``msgfmt``, which a newcomer's machine (only
Python 3.11, no root) may not have; polib is pure Python and already installed with
wagtail-localize. Fuzzy and untranslated entries are left out, as ``msgfmt`` does, so a
reader sees the English source instead of a guess. A catalogue is recompiled only when its
``.po`` is newer than its ``.mo`` (``--force`` compiles every one).
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogues() -> list[Path]:
    found = []
    for root in settings.LOCALE_PATHS:
        found.extend(sorted(Path(root).glob("*/LC_MESSAGES/*.po")))
    return found


def compile_catalogue(po_path: Path) -> int:
    """Write ``po_path``'s ``.mo`` beside it; returns the number of translated entries."""
    try:
        catalogue = polib.pofile(str(po_path))
    except (OSError, ValueError) as exc:
        raise CommandError(f"{po_path}: {exc}") from exc
    mo_path = po_path.with_suffix(".mo")
    partial = mo_path.with_name(mo_path.name + ".tmp")
    catalogue.save_as_mofile(str(partial))
    partial.replace(mo_path)  # atomic: a running server never reads half a file
    return len(catalogue.translated_entries())


class Command(BaseCommand):
    help = "Compile the .po catalogues into .mo files (pure Python; no GNU gettext needed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile even if up to date.")

    def handle(self, *args, force=False, **options):
        compiled = 0
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if (
                not force
                and mo_path.exists()
                and mo_path.stat().st_mtime >= po_path.stat().st_mtime
            ):
                continue
            count = compile_catalogue(po_path)
            compiled += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"{po_path.parent.parent.name}: {count} strings")
        if options["verbosity"]:
            self.stdout.write(f"Catalogues compiled: {compiled} ({len(catalogues())} in total).")
