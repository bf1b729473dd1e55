"""The demo's words, read from the data files in ``demo/data/`` (see its README).

Each function returns one part of the demo as plain data (dicts, lists, strings) for the app
that builds it: ``hub.demo`` and ``projects.demo`` the taxonomies and registry projects,
``knowledge.demo`` the guidance, ``induction.demo`` the induction. A text translated through
wagtail-localize is an object with exactly the keys ``en``, ``de`` and ``fr``; it is read as a
:class:`T`, so the English, German and French sit side by side.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent / "data"


class T(NamedTuple):
    """One text in English, German and French."""

    en: str
    de: str
    fr: str


_LANGUAGES = set(T._fields)


def _object(pairs):
    value = dict(pairs)
    return T(**value) if value.keys() == _LANGUAGES else value


def read(name: str):
    """The data file ``demo/data/<name>.json``."""
    text = (DATA / f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text, object_pairs_hook=_object)


def taxonomies() -> dict:
    """``{"themes": [...], "units": [...], "campuses": [...]}``, each item a dict with a slug."""
    return read("taxonomies")


def projects() -> list[dict]:
    """The registry's demo projects, in the order they are added."""
    return read("projects")["projects"]


def guidance() -> dict:
    """The guidance section: its index page, the guidelines in order, resources, feedback.

    ``guidelines`` and ``translated`` hold the guidelines themselves (``translated`` is the
    subset also translated into ``translated_languages``); each resource carries its file's
    ``content``.
    """
    data = read("guidance/index")
    guidelines = {slug: read(f"guidance/{slug}") for slug in data["guidelines"]}
    data["guidelines"] = list(guidelines.values())
    data["translated"] = [guidelines[slug] for slug in data["translated"]]
    for resource in data["resources"]:
        path = DATA / "guidance" / "files" / resource["file"]
        resource["content"] = path.read_bytes().decode("utf-8")
    return data


def induction() -> dict:
    """Roles, sessions, the programme and its modules (in order), people, pledges, handover."""
    data = read("induction/induction")
    data["modules"] = [read(f"induction/modules/{slug}") for slug in data["modules"]]
    return data
