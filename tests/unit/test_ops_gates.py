"""The CI gates themselves: the translations check and the dependency audit can fail."""

import importlib.util
import json
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "ops" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_translations = _load("check_translations")
audit = _load("audit_dependencies")


def _catalogue(tmp_path, entries, fuzzy_header=False):
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "de",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    po.metadata_is_fuzzy = fuzzy_header
    for entry in entries:
        po.append(entry)
    path = tmp_path / "django.po"
    po.save(str(path))
    return path


def test_a_complete_catalogue_passes(tmp_path):
    path = _catalogue(tmp_path, [polib.POEntry(msgid="Search", msgstr="Suche")])
    assert check_translations.check_catalogue("de", path) == []


def test_untranslated_fuzzy_and_broken_entries_fail(tmp_path):
    path = _catalogue(
        tmp_path,
        [
            polib.POEntry(msgid="Search", msgstr=""),
            polib.POEntry(msgid="Sort", msgstr="Sortieren", flags=["fuzzy"]),
            polib.POEntry(
                msgid="%(counter)s project",
                msgid_plural="%(counter)s projects",
                msgstr_plural={0: "%(counter)s Projekt", 1: ""},
            ),
            polib.POEntry(
                msgid="page %(number)s", msgstr="Seite %(nummer)s", flags=["python-format"]
            ),
        ],
        fuzzy_header=True,
    )
    problems = "\n".join(check_translations.check_catalogue("de", path))
    assert "untranslated de: 'Search'" in problems
    assert "fuzzy        de: 'Sort'" in problems
    assert "untranslated de: '%(counter)s project'" in problems
    assert "the header" in problems
    assert "msgfmt rejects" in problems  # the format placeholder does not match


def _fake_audit(monkeypatch, tmp_path, dependencies):
    report = tmp_path / "fake.json"
    report.write_text(json.dumps({"dependencies": dependencies, "fixes": []}))
    script = (
        f"import shutil, sys; shutil.copy({str(report)!r}, "
        "sys.argv[sys.argv.index('--output') + 1])"
    )

    def command(lock, output):
        return [sys.executable, "-c", script, "--output", str(output)]

    monkeypatch.setattr(audit, "pip_audit_command", command)


def test_audit_fails_on_a_vulnerability_with_a_fix(monkeypatch, tmp_path, capsys):
    _fake_audit(
        monkeypatch,
        tmp_path,
        [
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.1"], "aliases": ["CVE-1"]}],
            },
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
        ],
    )
    assert audit.main(["audit", "requirements.lock"]) == 1
    assert "VULNERABLE django 5.2.0: PYSEC-1 (CVE-1); fixed in 5.2.1." in capsys.readouterr().out


def test_audit_only_warns_about_a_vulnerability_without_a_fix(monkeypatch, tmp_path, capsys):
    _fake_audit(
        monkeypatch,
        tmp_path,
        [{"name": "x", "version": "1", "vulns": [{"id": "V", "fix_versions": [], "aliases": []}]}],
    )
    assert audit.main(["audit"]) == 0
    assert "WARNING x 1: V () has no fixed release yet." in capsys.readouterr().out


@pytest.mark.parametrize("mode, status", [("fail", 2), ("warn", 0)])
def test_an_audit_that_could_not_reach_the_service_never_passes_silently(
    monkeypatch, tmp_path, capsys, mode, status
):
    monkeypatch.setenv("AUDIT_UNREACHABLE", mode)
    _fake_audit(
        monkeypatch,
        tmp_path,
        [{"name": "django", "skip_reason": "Dependency not found on PyPI: django (5.2.19)"}],
    )
    assert audit.main(["audit"]) == status
    err = capsys.readouterr().err
    assert "DEPENDENCY AUDIT INCOMPLETE: 1 of 1" in err
