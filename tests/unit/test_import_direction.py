"""Imports run one way, as in a URLconf: routes → views → models (issue 16: no hidden circles).

Page models name no view: each app's ``page_urls`` gives the routable pages their views
(:mod:`hub.page_routes`), and what a page shows itself is built in modules that import no
view either (``induction.presentation``)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("hub", "induction", "knowledge", "projects", "search")
MODEL_MODULES = sorted(path for app in APPS for path in ROOT.glob(f"{app}/models/*.py"))
#: Modules the page models import that views import too: they must not import views.
SHARED_MODULES = [ROOT / "induction/presentation.py", ROOT / "induction/progress.py"]


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


def _is_view_module(name):
    parts = name.split(".")
    return "views" in parts or "page_urls" in parts


def test_every_app_with_page_models_is_covered():
    assert {path.parent.parent.name for path in MODEL_MODULES} >= {
        "hub",
        "induction",
        "knowledge",
        "projects",
    }


@pytest.mark.parametrize("path", MODEL_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_model_modules_import_no_views_and_nothing_inside_functions(path):
    assert [name for name in _imports(path) if _is_view_module(name)] == []
    assert _imports(path, nested_only=True) == []


@pytest.mark.parametrize("path", SHARED_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_what_pages_and_views_share_imports_no_views(path):
    assert [name for name in _imports(path) if _is_view_module(name)] == []


def test_the_checker_sees_a_view_import():
    assert _is_view_module("induction.views.modules")
    assert _is_view_module("projects.page_urls")
    assert not _is_view_module("induction.presentation")
