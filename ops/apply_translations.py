"""Fill the catalogues from translation files (``locale/pending/*.json``), then remove them.

Work done on a branch brings its new strings with their translations as JSON instead of
editing the ``.po`` files, so that branches never conflict in the catalogues::

    {"Export as CSV": {"de": "Als CSV exportieren", "fr": "…", …},
     "%(count)s project": {"plural": "%(count)s projects",
                           "de": ["%(count)s Projekt", "%(count)s Projekte"], …},
     "menu\\u0004Projects": {"de": "Projekte", …}}

(a message with a context is written ``context`` + U+0004 + ``msgid``). This script runs
``makemessages`` (every string extracted afresh, as ``make messages`` does), writes each JSON
translation into the matching catalogue entry, clears the entry's fuzzy flag, saves, and
prints any shipped language's entries that are still empty.
Usage: python ops/apply_translations.py [FILE…]
(default: every ``locale/pending/*.json``; applied files are deleted).
"""

# ruff: noqa: T201, S603, S607 (a command-line tool running manage.py and msgcat)

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_translations import MAKEMESSAGES_IGNORE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
CONTEXT_SEPARATOR = "\x04"


def catalogues():
    return sorted(
        path for path in LOCALE.glob("*/LC_MESSAGES/django.po") if path.parts[-3] != "pending"
    )


def load(files):
    merged = {}
    for path in files:
        for key, value in json.loads(Path(path).read_text(encoding="utf-8")).items():
            merged.setdefault(key, {}).update(value)
    return merged


def key_of(entry):
    return f"{entry.msgctxt}{CONTEXT_SEPARATOR}{entry.msgid}" if entry.msgctxt else entry.msgid


def fill(catalogue_path, language, translations):
    catalogue = polib.pofile(str(catalogue_path))
    filled = 0
    for entry in catalogue:
        given = translations.get(key_of(entry), {}).get(language)
        if given is None:
            continue
        if entry.msgid_plural:
            forms = given if isinstance(given, list) else [given]
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            entry.msgstr = given if isinstance(given, str) else given[0]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        filled += 1
    catalogue.save()
    if shutil.which("msgcat"):  # GNU gettext's own line wrapping, as makemessages writes it
        subprocess.run(["msgcat", "-o", str(catalogue_path), str(catalogue_path)], check=True)
    missing = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    return filled, missing


def main(argv):
    files = [Path(arg) for arg in argv] or sorted((LOCALE / "pending").glob("*.json"))
    translations = load(files)
    ignore = [f"--ignore={name}" for name in MAKEMESSAGES_IGNORE]
    # Named languages, not ``--all`` (which would take locale/pending/ for a language).
    languages = [f"--locale={path.parent.parent.name}" for path in catalogues()]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-obsolete", *languages, *ignore],
        cwd=ROOT,
        check=True,
    )
    status = 0
    for catalogue_path in catalogues():
        language = catalogue_path.parent.parent.name
        filled, missing = fill(catalogue_path, language, translations)
        print(f"{language}: {filled} filled, {len(missing)} still untranslated")
        for msgid in missing:
            print(f"  MISSING {language}: {msgid!r}")
            status = 1
    for path in files:
        if path.parent == LOCALE / "pending":
            path.unlink()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
