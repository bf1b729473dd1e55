"""The CI gates themselves: translations check, dependency audit and lock check can fail."""

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
check_lock = _load("check_lock")


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
    assert audit.main(["audit", "requirements/dev.txt"]) == 1
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


def test_the_committed_lock_files_agree_with_pyproject():
    assert check_lock.check(ROOT) == []


_HASH = "    --hash=sha256:" + "0" * 64


def _project(tmp_path, dependencies, production, dev, dev_extra=("pytest>=8",)):
    """A project in tmp_path: pyproject.toml and requirements/{production,dev,build}.txt."""
    listed = ", ".join(f'"{d}"' for d in dependencies)
    extra = ", ".join(f'"{d}"' for d in dev_extra)
    (tmp_path / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=70.1"]\n'
        f'[project]\nname = "x"\ndependencies = [{listed}]\n'
        f"[project.optional-dependencies]\ndev = [{extra}]\n"
    )
    folder = tmp_path / "requirements"
    folder.mkdir()
    for name, pins in (("production", production), ("dev", dev), ("build", ["setuptools==84.2.1"])):
        lines = []
        for pin in pins:
            lines += [f"{pin} \\", _HASH] if not pin.endswith("!nohash") else [pin[:-7]]
            lines.append("    # via x")
        (folder / f"{name}.txt").write_text("# compiled\n" + "\n".join(lines) + "\n")
    return tmp_path


def test_a_matching_project_passes(tmp_path, capsys):
    root = _project(
        tmp_path,
        ["Django>=5.2,<5.3", "gunicorn>=27,<28"],
        ["django==5.2.19", "gunicorn==27.0.1"],
        ["django==5.2.19", "gunicorn==27.0.1", "pytest==9.2.0"],
    )
    assert check_lock.main(["check_lock", str(root)]) == 0
    assert "agree with pyproject.toml" in capsys.readouterr().out


def test_a_pin_outside_its_range_fails(tmp_path, capsys):
    root = _project(
        tmp_path,
        ["gunicorn>=23,<24"],
        ["gunicorn==27.0.1"],
        ["gunicorn==27.0.1", "pytest==9.2.0"],
    )
    assert check_lock.main(["check_lock", str(root)]) == 1
    err = capsys.readouterr().err
    assert "production.txt: gunicorn==27.0.1 is outside pyproject.toml's range <24,>=23" in err
    assert "dev.txt: gunicorn==27.0.1 is outside" in err


def test_an_unlocked_dependency_a_missing_hash_and_a_loose_pin_fail(tmp_path):
    root = _project(
        tmp_path,
        ["Django>=5.2,<5.3", "redis>=8,<9"],
        ["django==5.2.19!nohash"],
        ["django>=5.2", "pytest==9.2.0"],
    )
    problems = "\n".join(check_lock.check(root))
    assert "production.txt: redis is in pyproject.toml but not pinned" in problems
    assert "production.txt:2: django has no --hash" in problems
    assert "dev.txt:2: django is not pinned with ==" in problems
    assert "dev.txt: redis is in pyproject.toml but not pinned" in problems


def test_dev_must_pin_what_production_pins_and_production_gets_no_test_tool(tmp_path):
    root = _project(
        tmp_path,
        ["Django>=5.2,<5.3"],
        ["django==5.2.19", "pytest==9.2.0", "sqlparse==0.6.1"],
        ["django==5.2.18", "pytest==9.2.0"],
    )
    problems = "\n".join(check_lock.check(root))
    assert "dev.txt: django==5.2.18 but production.txt pins 5.2.19" in problems
    assert "dev.txt: sqlparse is pinned in production.txt but missing here" in problems
    assert "production.txt: pytest is a development tool" in problems
