import pytest
from django.core.cache import cache

from tests.factories import make_campus, make_site, make_theme, make_unit


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """``(home, registry)``: a published home page with the project registry under it."""
    return make_site()


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def registry(site_tree):
    return site_tree[1]


@pytest.fixture
def taxonomy(db):
    """A few themes, units and campuses, by slug."""
    return {
        "themes": {s: make_theme(s) for s in ("wellbeing", "feedback", "accessibility")},
        "units": {s: make_unit(s) for s in ("student-services", "library")},
        "campuses": {s: make_campus(s) for s in ("city-centre", "riverside")},
    }
