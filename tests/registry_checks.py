"""The registry's counts and lists against brute force, for every way of counting them.

:func:`varied_projects` makes projects covering every facet value (some possibly stale, one
unpublished); :func:`check_against_brute_force` asks the registry for
each of :data:`COMBINATIONS` and compares its counts, total and listed projects with what the
ORM's plain rows say, counted in Python. The database tests run it on SQLite (ORM counts and
the per-process index), the engine tests on OpenSearch (aggregations).
"""

import datetime

from django.utils import timezone

from projects.models import ProjectPage
from projects.upkeep import is_possibly_stale
from tests.factories import make_project

URL = "/en/projects/"

COMBINATIONS = [
    {},
    {"theme": ["wellbeing"]},
    {"theme": ["wellbeing", "accessibility"]},
    {"status": ["paused"]},
    {"status": ["active", "proposed"], "stage": ["access"]},
    {"unit": ["library"], "campus": ["riverside"]},
    {"campus": ["city-centre", "riverside"], "theme": ["feedback"]},
    {"open": ["yes"]},
    {"open": ["yes"], "theme": ["feedback"], "lead": ["needed"]},
    {"lead": ["needed"], "status": ["completed", "paused"]},
    {"stage": ["progression"], "unit": ["student-services", "library"], "open": ["yes"]},
    {
        "theme": ["feedback"],
        "status": ["active"],
        "stage": ["success"],
        "unit": ["student-services"],
        "campus": ["city-centre"],
        "open": ["yes"],
        "lead": ["needed"],
    },
    {"theme": ["no-such-theme"], "status": ["active"]},  # unknown values are ignored
]


def varied_projects(registry, taxonomy, count=24):
    """``count`` live projects spread over every facet value, plus two that must not count."""
    themes = list(taxonomy["themes"].values())
    units = [None, *taxonomy["units"].values()]
    campuses = list(taxonomy["campuses"].values())
    statuses = list(ProjectPage.Status.values)
    stages = list(ProjectPage.Stage.values)
    made = []
    for n in range(count):
        status = statuses[n % len(statuses)]
        made.append(
            make_project(
                registry,
                title=f"{'Abcdefghijklmnopqrstuvwx'[(n * 7) % 24]} project {n}",
                status=status,
                stopped_reason="Paused while the team waits for the estates survey results."
                if status in ("paused", "completed")
                else "",
                stage=stages[(n // 2) % len(stages)],
                lead_unit=units[n % len(units)],
                themes=[t for i, t in enumerate(themes) if (n >> i) & 1],
                campuses=[c for i, c in enumerate(campuses) if (n >> (i + 1)) & 1 == n % 2],
                open_to_officers=n % 3 != 0,
                needs_new_lead=n % 4 == 1,
            )
        )
    # Possibly stale: published long ago and never (or long ago) confirmed.
    long_ago = timezone.now() - datetime.timedelta(days=400)
    recently = timezone.now() - datetime.timedelta(days=10)
    for n, project in enumerate(made):
        if n % 5 == 0:
            ProjectPage.objects.filter(pk=project.pk).update(
                first_published_at=long_ago - datetime.timedelta(days=n),
                last_confirmed_at=long_ago if n % 10 == 0 else None,
            )
        elif n % 5 == 1:
            ProjectPage.objects.filter(pk=project.pk).update(
                first_published_at=long_ago, last_confirmed_at=recently
            )
    hidden = make_project(registry, title="Unpublished project", themes=themes)
    hidden.unpublish()
    return [ProjectPage.objects.get(pk=project.pk) for project in made]


def _values(project):
    values = {
        "theme": {t.slug for t in project.themes.all()},
        "status": {project.status},
        "stage": {project.stage},
        "unit": {project.lead_unit.slug} if project.lead_unit else set(),
        "campus": {c.slug for c in project.campuses.all()},
        "open": {"yes"} if project.accepts_officers else set(),
        "lead": {"needed"} if project.needs_new_lead else set(),
    }
    return values


def brute_force(selected):
    """``(counts, matching pks)`` from the live English projects' rows, counted in Python."""
    projects = ProjectPage.objects.live().public().filter(locale__language_code="en")
    rows = {p.pk: _values(p) for p in projects.prefetch_related("themes", "campuses")}
    known = set().union(*[v for row in rows.values() for v in row.values()], {"yes", "needed"})
    selected = {name: [v for v in values if v in known] for name, values in selected.items()}
    selected = {name: values for name, values in selected.items() if values}

    def keeps(row, skip=None):
        return all(row[name] & set(values) for name, values in selected.items() if name != skip)

    counts = {}
    for name in ("theme", "status", "stage", "unit", "campus", "open", "lead"):
        found = {}
        for row in rows.values():
            if keeps(row, skip=name):
                for value in row[name]:
                    found[value] = found.get(value, 0) + 1
        counts[name] = found
    matching = {pk for pk, row in rows.items() if keeps(row)}
    return counts, matching


def _registry_counts(registry):
    """``{facet: {value: count}}`` of the values with projects (a selected value may have none)."""
    counts = {
        facet.name: {o.value: o.count for o in facet.options if o.count}
        for facet in registry.facets
    }
    return {name: found for name, found in counts.items() if found}


def _listed(client, params):
    """Every project the registry lists for ``params``, page by page, in order."""
    listed, page = [], 1
    while True:
        response = client.get(URL, [*params, ("page", str(page))])
        assert response.status_code == 200
        registry = response.context["registry"]
        listed.extend(p.pk for p in registry.projects)
        if not registry.page.has_next():
            return listed, registry
        page += 1


def check_against_brute_force(client, combinations=COMBINATIONS):
    """Every combination's counts, total and list equal brute force; returns how many."""
    checked = 0
    for selected in combinations:
        params = [(name, value) for name, values in selected.items() for value in values]
        expected_counts, expected_pks = brute_force(selected)
        response = client.get(URL, params)
        registry = response.context["registry"]
        assert not registry.degraded
        got = _registry_counts(registry)
        want = {name: found for name, found in expected_counts.items() if found}
        assert got == want, f"counts for {selected}"
        assert registry.total == len(expected_pks), f"total for {selected}"
        for sort in ("newest", "title"):
            listed, _last = _listed(client, [*params, ("sort", sort)])
            assert sorted(listed) == sorted(expected_pks), f"list for {selected}, {sort}"
            assert len(listed) == len(set(listed))
            _check_order(listed, sort, f"{selected}, {sort}")
        checked += 1
    return checked


def _check_order(listed, sort, what):
    """Possibly stale projects after all the others; each group in the sort's order."""
    projects = ProjectPage.objects.in_bulk(listed)
    rows = [projects[pk] for pk in listed]
    stale = [is_possibly_stale(p.status, p.last_confirmed_at, p.first_published_at) for p in rows]
    assert stale == sorted(stale), f"stale last for {what}"
    for group in (False, True):
        members = [p for p, s in zip(rows, stale, strict=True) if s is group]
        if sort == "title":
            keys = [p.title.casefold() for p in members]
            assert keys == sorted(keys), f"title order for {what}"
        else:
            keys = [p.first_published_at for p in members]
            assert keys == sorted(keys, reverse=True), f"newest first for {what}"
