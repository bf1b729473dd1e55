"""Imports run one way: the page models import their route views at the top of the module,
and those views never import the page models back (issue 16: no hidden circles)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL_MODULES = sorted([*ROOT.glob("induction/models/*.py"), *ROOT.glob("knowledge/models/*.py")])
#: Modules the page models import at the top: they must not import the page models.
ROUTE_VIEW_MODULES = [
    *(p for p in ROOT.glob("induction/views/*.py") if p.name != "feeds.py"),
    ROOT / "induction/progress.py",
    ROOT / "induction/forms.py",
    ROOT / "induction/emails.py",
    ROOT / "knowledge/views.py",
    ROOT / "knowledge/listing.py",
]


def _imports(path, *, nested_only=False):
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if nested_only and node.col_offset == 0:
            continue
        if isinstance(node, ast.ImportFrom):
            found.append(node.module or "")
        else:
            found.extend(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", MODEL_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_model_modules_import_nothing_inside_functions(path):
    assert _imports(path, nested_only=True) == []


@pytest.mark.parametrize("path", ROUTE_VIEW_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_route_views_never_import_the_page_models(path):
    forbidden = {
        "induction.models",
        "induction.models.pages",
        "knowledge.models",
        "knowledge.models.index",
    }
    assert not forbidden & set(_imports(path))
