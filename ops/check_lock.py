"""Check that requirements/*.txt agree with pyproject.toml (``make lint``; offline, no resolver).

The lock files are compiled by ``make lock``; this catches the ways they drift from
pyproject.toml without it: a dependency added to pyproject and never locked, a range changed so
that the pinned version no longer fits it, a pin without hashes, or development and production
pinning different versions of the same package.

- requirements/production.txt pins every ``[project] dependencies`` entry, at a version inside
  its range, and nothing of the ``dev`` extra that production does not need itself;
- requirements/dev.txt pins every dependency and every ``dev`` extra within its range, and
  every package production.txt pins at the same version;
- requirements/build.txt pins the build backend (``[build-system] requires``) within its range;
- every line of the three files is an exact ``==`` pin with at least one ``--hash``.

Usage: python ops/check_lock.py [project root]; exit status 1 lists every disagreement.
"""

# ruff: noqa: T201 (a command-line tool: it reports on stdout/stderr)

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


class Pin:
    """One ``name==version`` line of a lock file and how many hashes follow it."""

    def __init__(self, name: str, version: Version | None, line: int):
        self.name, self.version, self.line, self.hashes = name, version, line, 0


def read_lock(path: Path) -> tuple[dict[str, Pin], list[str]]:
    """The pins of a compiled requirements file (name → Pin), and what is malformed in it."""
    pins: dict[str, Pin] = {}
    problems: list[str] = []
    current: Pin | None = None
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        line = line.removesuffix("\\").strip()
        if not line:
            continue
        if line.startswith("--hash="):
            if current is None:
                problems.append(f"{path.name}:{number}: a hash that belongs to no requirement")
            else:
                current.hashes += 1
            continue
        if line.startswith("-"):
            problems.append(f"{path.name}:{number}: option {line!r} is not expected in a lock")
            current = None
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement as error:
            problems.append(f"{path.name}:{number}: {error}")
            current = None
            continue
        specifiers = list(requirement.specifier)
        exact = len(specifiers) == 1 and specifiers[0].operator == "=="
        version = None
        if exact and "*" not in specifiers[0].version:
            version = Version(specifiers[0].version)
        else:
            problems.append(f"{path.name}:{number}: {requirement.name} is not pinned with ==")
        current = Pin(canonicalize_name(requirement.name), version, number)
        if current.name in pins:
            problems.append(f"{path.name}:{number}: {requirement.name} is pinned twice")
        pins[current.name] = current
    for pin in pins.values():
        if not pin.hashes:
            problems.append(f"{path.name}:{pin.line}: {pin.name} has no --hash")
    return pins, problems


def check_ranges(lock_name: str, pins: dict[str, Pin], requirements: list[str]) -> list[str]:
    problems = []
    for text in requirements:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        pin = pins.get(name)
        if pin is None:
            problems.append(
                f"{lock_name}: {requirement.name} is in pyproject.toml but not pinned "
                "(run `make lock`)"
            )
        elif pin.version is not None and not requirement.specifier.contains(
            pin.version, prereleases=True
        ):
            problems.append(
                f"{lock_name}: {requirement.name}=={pin.version} is outside pyproject.toml's "
                f"range {requirement.specifier} (change the range or run `make lock`)"
            )
    return problems


def check(root: Path) -> list[str]:
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    project = pyproject["project"]
    runtime = project.get("dependencies", [])
    dev_extra = project.get("optional-dependencies", {}).get("dev", [])
    problems: list[str] = []
    locks = {}
    for name in ("production", "dev", "build"):
        locks[name], malformed = read_lock(root / "requirements" / f"{name}.txt")
        problems += malformed
    production, development = locks["production"], locks["dev"]
    problems += check_ranges("production.txt", production, runtime)
    problems += check_ranges("dev.txt", development, runtime + dev_extra)
    build_requires = pyproject.get("build-system", {}).get("requires", [])
    problems += check_ranges("build.txt", locks["build"], build_requires)

    runtime_names = {canonicalize_name(Requirement(text).name) for text in runtime}
    for text in dev_extra:
        name = canonicalize_name(Requirement(text).name)
        if name in production and name not in runtime_names:
            problems.append(
                f"production.txt: {name} is a development tool (pyproject's dev extra) and must "
                "not be installed in production"
            )
    for name, pin in production.items():
        other = development.get(name)
        if other is None:
            problems.append(f"dev.txt: {name} is pinned in production.txt but missing here")
        elif other.version != pin.version:
            problems.append(
                f"dev.txt: {name}=={other.version} but production.txt pins {pin.version} "
                "(run `make lock`: dev.txt is compiled under production.txt)"
            )
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else ROOT
    problems = check(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check_lock: {len(problems)} disagreements between pyproject.toml and requirements/")
        return 1
    print(
        "check_lock: requirements/production.txt, dev.txt and build.txt agree with pyproject.toml."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
