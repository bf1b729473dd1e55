"""Audit the locked Python dependencies for known vulnerabilities (``make audit``).

Runs pip-audit against PyPI's vulnerability data for every pin in the lock file and
reads its JSON report instead of trusting its exit code, because pip-audit reports
"No known vulnerabilities found" even when it could audit nothing at all.

Exit status:
  0  every dependency was audited; nothing has a known vulnerability with a fix
     (vulnerabilities without any fixed release are listed as warnings)
  1  at least one dependency has a known vulnerability with a fixed release: upgrade it
  2  some or all dependencies could not be audited (the vulnerability service was
     unreachable or did not answer for them); see AUDIT_UNREACHABLE below

AUDIT_UNREACHABLE=fail (the default) makes an incomplete audit fail the build.
AUDIT_UNREACHABLE=warn lets the build go on, printing a banner that says the audit
did not run; use it only on a network that cannot reach the service.
Usage: python ops/audit_dependencies.py [requirements/dev.txt]
"""

# ruff: noqa: T201 (a command-line tool: it reports on stdout/stderr)

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pip_audit_command(lock: Path, report: Path) -> list[str]:
    executable = Path(sys.executable).with_name("pip-audit")
    return [
        str(executable),
        "--requirement",
        str(lock),
        "--no-deps",  # the lock pins every transitive dependency already
        "--disable-pip",  # no resolution, no temporary virtualenv: just look the pins up
        "--vulnerability-service",
        "pypi",
        "--progress-spinner",
        "off",
        "--format",
        "json",
        "--output",
        str(report),
        "--timeout",
        "30",
    ]


def banner(lines: list[str]) -> str:
    width = max(len(line) for line in lines) + 4
    rule = "!" * width
    return "\n".join([rule, *(f"! {line.ljust(width - 4)} !" for line in lines), rule])


def main(argv: list[str]) -> int:
    lock = Path(argv[1]) if len(argv) > 1 else ROOT / "requirements" / "dev.txt"
    on_unreachable = os.environ.get("AUDIT_UNREACHABLE", "fail")
    if on_unreachable not in {"fail", "warn"}:
        print("AUDIT_UNREACHABLE must be 'fail' or 'warn'", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="pip-audit-") as tmp:
        report_path = Path(tmp) / "report.json"
        result = subprocess.run(  # noqa: S603 (our own venv's pip-audit)
            pip_audit_command(lock, report_path),
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        if not report_path.exists():
            print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
            print(banner(["pip-audit failed before it could report (see above)."]))
            return 2
        report = json.loads(report_path.read_text())

    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    audited = [d for d in dependencies if not d.get("skip_reason")]
    fixable, unfixable = [], []
    for dependency in audited:
        for vuln in dependency.get("vulns", []):
            entry = (dependency["name"], dependency.get("version", "?"), vuln)
            (fixable if vuln.get("fix_versions") else unfixable).append(entry)

    print(f"pip-audit: {len(audited)} of {len(dependencies)} locked dependencies audited.")
    for name, version, vuln in unfixable:
        aliases = ", ".join(vuln.get("aliases", []))
        print(f"WARNING {name} {version}: {vuln['id']} ({aliases}) has no fixed release yet.")
    for name, version, vuln in fixable:
        aliases = ", ".join(vuln.get("aliases", []))
        fixes = ", ".join(vuln["fix_versions"])
        print(f"VULNERABLE {name} {version}: {vuln['id']} ({aliases}); fixed in {fixes}.")

    status = 0
    if fixable:
        print(f"{len(fixable)} known vulnerabilities have a fix: upgrade those pins.")
        status = 1
    if skipped:
        lines = [
            f"DEPENDENCY AUDIT INCOMPLETE: {len(skipped)} of {len(dependencies)} dependencies "
            "could not be audited,",
            "because the vulnerability service did not answer for them, e.g.:",
            *(f"  {d['skip_reason']}" for d in skipped[:5]),
            "pip-audit asks PyPI's per-release JSON API (https://pypi.org/pypi/NAME/VERSION/json).",
        ]
        if on_unreachable == "fail":
            lines.append("Failing (AUDIT_UNREACHABLE=fail).")
            status = status or 2
        else:
            lines.append("NOT failing because AUDIT_UNREACHABLE=warn: nothing was proven safe.")
        print(banner(lines), file=sys.stderr)
    elif not fixable:
        print("No known vulnerabilities with a fix in the locked dependencies.")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
