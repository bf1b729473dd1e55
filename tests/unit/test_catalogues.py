"""The interface catalogues are compiled on every path that serves the site, without gettext."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def make_dry_run(target):
    """The commands ``make <target>`` would run, in order (nothing is executed)."""
    result = subprocess.run(
        ["make", "-n", "-B", target, "BIN=/venv/bin", "PYTHON=python3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


@pytest.mark.parametrize("target", ["demo", "run", "test"])
def test_serving_targets_compile_the_catalogues_first(target):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    lines = make_dry_run(target)
    compiled = [i for i, line in enumerate(lines) if "compile_catalogues" in line]
    assert compiled, f"`make {target}` does not compile the catalogues"
    served = [i for i, line in enumerate(lines) if "runserver" in line or "pytest" in line]
    assert served and compiled[0] < served[0]


def test_dockerfile_compiles_with_python_only():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "compile_catalogues" in dockerfile
    assert "compilemessages" not in dockerfile  # that one needs GNU gettext in the image


def test_every_site_language_ships_a_catalogue():
    for code in SHIPPED:
        assert (ROOT / "locale" / code / "LC_MESSAGES" / "django.po").is_file(), code


def test_compile_catalogues_writes_readable_mo_files_for_every_language(tmp_path, settings):
    shutil.copytree(ROOT / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("compile_catalogues", verbosity=0)
    for code in SHIPPED:
        mo = tmp_path / "locale" / code / "LC_MESSAGES" / "django.mo"
        assert mo.is_file(), code
        with mo.open("rb") as handle:
            catalogue = gettext.GNUTranslations(handle)
        # A real translation, with the language's plural rule from the header.
        assert catalogue.gettext("Search projects") != "Search projects", code
        assert "plural" in catalogue.info()["plural-forms"], code


def test_compile_catalogues_skips_fresh_files_and_recompiles_stale_ones(tmp_path, settings):
    shutil.copytree(ROOT / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("compile_catalogues", verbosity=0)
    mo = tmp_path / "locale" / "de" / "LC_MESSAGES" / "django.mo"
    before = mo.stat().st_mtime_ns
    call_command("compile_catalogues", verbosity=0)
    assert mo.stat().st_mtime_ns == before
    po = mo.with_suffix(".po")
    po.write_text(
        po.read_text().replace('msgstr "Projekte durchsuchen"', 'msgstr "Projekte finden"')
    )
    call_command("compile_catalogues", verbosity=0)
    with mo.open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Search projects") == "Projekte finden"
