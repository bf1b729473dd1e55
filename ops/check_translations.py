"""Fail on missing, untranslated or fuzzy strings of shipped languages (``make messages-check``).

Every language in ``settings.LANGUAGES`` other than the source language (English) is shipped
and must have ``locale/<lang>/LC_MESSAGES/django.po``. For each:

1. ``msgfmt --check`` accepts the catalogue (syntax, headers, format strings match);
2. no entry is untranslated or marked fuzzy, and every translation keeps the source's
   placeholders (``%(name)s``, ``%s``, ``{name}``) and HTML tags;
3. no string in the code or templates is missing from the catalogue: the strings are
   extracted afresh with ``makemessages`` in a scratch copy of the tree (the working tree
   is never modified) and compared with the committed catalogue.

When 3 fails, run ``make messages``, translate the new entries, and commit the .po files.
Usage: python ops/check_translations.py
"""

# ruff: noqa: T201, S603, S607 (a command-line tool running git, msgfmt and manage.py)

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
# Kept in step with the Makefile's `messages` target.
MAKEMESSAGES_IGNORE = [".venv", "ops", "tests", "node_modules", "var", "bench"]


def required_languages() -> list[str]:
    """The site's languages (``settings.LANGUAGES``) less the source language."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def shipped_catalogues() -> dict[str, Path]:
    return {po.parent.parent.name: po for po in sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))}


# Placeholders and markup a translation must keep: printf-style and brace-style fields, HTML
# tags and entities. (msgfmt checks printf-style fields only where an entry is flagged.)
PLACEHOLDER = re.compile(
    r"%\([A-Za-z_0-9]+\)[sdifr]|%[sdif]|\{[A-Za-z_0-9]*\}|</?[a-z][^>]*>|&[a-z]+;"
)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def placeholder_problem(entry) -> bool:
    if entry.msgid_plural:
        allowed = set(placeholders(entry.msgid_plural)) | set(placeholders(entry.msgid))
        return any(set(placeholders(v)) - allowed for v in entry.msgstr_plural.values())
    return placeholders(entry.msgid) != placeholders(entry.msgstr)


def key(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def is_translated(entry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(v.strip() for v in entry.msgstr_plural.values())
    return bool(entry.msgstr.strip())


def check_catalogue(lang: str, po_path: Path) -> list[str]:
    problems = []
    result = subprocess.run(
        ["msgfmt", "--check", "--check-format", "-o", os.devnull, str(po_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        problems.append(f"msgfmt rejects {lang}/{po_path.name}:\n{result.stderr.strip()}")
    catalogue = polib.pofile(str(po_path))
    if catalogue.metadata_is_fuzzy:
        # msgfmt skips a fuzzy header, losing Plural-Forms: plurals would then be wrong.
        problems.append(f"fuzzy        {lang}: the header (remove its '#, fuzzy' flag)")
    for entry in catalogue:
        if entry.obsolete:
            continue
        where = f"{lang}: {entry.msgid[:70]!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy        {where}")
        elif not is_translated(entry):
            problems.append(f"untranslated {where}")
        elif placeholder_problem(entry):
            problems.append(f"placeholders {where} (the translation must keep them)")
    return problems


def source_files() -> list[Path]:
    """Tracked and new (not ignored) files, as git sees them."""
    result = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    names = [n for n in result.stdout.decode().split("\0") if n]
    return [Path(n) for n in names if (ROOT / n).is_file()]


def fresh_catalogues(languages: list[str]) -> dict[str, polib.POFile]:
    """Extract the current strings with makemessages in a scratch copy of the tree."""
    with tempfile.TemporaryDirectory(prefix="hub-messages-") as tmp:
        scratch = Path(tmp)
        for name in source_files():
            if name.parts[0] in {".venv", "node_modules", "locale"}:
                continue
            target = scratch / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target)
        for lang in languages:
            (scratch / "locale" / lang / "LC_MESSAGES").mkdir(parents=True)
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="hub.settings.test")
        command = [sys.executable, "manage.py", "makemessages", "--no-obsolete"]
        command += [f"--locale={lang}" for lang in languages]
        command += [f"--ignore={pattern}" for pattern in MAKEMESSAGES_IGNORE]
        result = subprocess.run(
            command, cwd=scratch, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode:
            raise SystemExit(f"makemessages failed:\n{result.stdout}\n{result.stderr}")
        return {
            lang: polib.pofile(str(scratch / "locale" / lang / "LC_MESSAGES" / "django.po"))
            for lang in languages
        }


def main() -> int:
    catalogues = shipped_catalogues()
    absent = [lang for lang in required_languages() if lang not in catalogues]
    if absent:
        print(f"No catalogue for {', '.join(absent)}: every site language ships one.")
        return 1
    if shutil.which("msgfmt") is None:
        print("msgfmt is missing: install GNU gettext (make gettext).", file=sys.stderr)
        return 2
    problems = []
    for lang, path in catalogues.items():
        problems += check_catalogue(lang, path)
    fresh = fresh_catalogues(list(catalogues))
    for lang, path in catalogues.items():
        committed = {key(e): e for e in polib.pofile(str(path)) if not e.obsolete}
        for entry in fresh[lang]:
            if key(entry) not in committed:
                where = entry.occurrences[0][0] if entry.occurrences else "?"
                problems.append(f"missing      {lang}: {entry.msgid[:70]!r} ({where})")
    languages = ", ".join(catalogues)
    if problems:
        print(f"Translations of the shipped languages ({languages}) are incomplete:")
        for problem in problems:
            print(f"  {problem}")
        print("Run `make messages`, translate the entries above, and commit locale/.")
        return 1
    total = sum(len(fresh[lang]) for lang in catalogues)
    print(f"Translations complete: {languages} ({total} entries checked).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
