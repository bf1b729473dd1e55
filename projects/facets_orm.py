"""The registry's listing and facet counts on the database, with the ORM only.

Used when the per-process index is off (``REGISTRY_FACET_INDEX``): filters, orders, pages and
counts with one GROUP BY per facet and filter set, which needs no memory per worker but at
100,000 projects is far slower than the index (``make bench-search``). Each facet is counted
under the other facets' selections (multi-select faceting), as :mod:`projects.facets` does.
"""

from django.db.models import Case, Count, F, IntegerField, Q, When
from django.db.models.functions import Lower

from projects.facets import FACETS
from projects.models import ProjectPage
from projects.upkeep import NEVER_STALE_STATUSES, stale_cutoff


class CountedRows:
    """A lazily sliced queryset of primary keys whose count is already known (for Paginator)."""

    def __init__(self, rows, total):
        self.rows = rows
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return list(self.rows[key])


def facet_filters(selected):
    """``{facet: Q}`` keeping the projects that carry any selected value of each facet."""
    themes = ProjectPage.themes.through.objects
    campuses = ProjectPage.campuses.through.objects
    make = {
        "theme": lambda v: Q(pk__in=themes.filter(theme__slug__in=v).values("projectpage_id")),
        "status": lambda v: Q(status__in=v),
        "stage": lambda v: Q(stage__in=v),
        "unit": lambda v: Q(lead_unit__slug__in=v),
        "campus": lambda v: Q(pk__in=campuses.filter(campus__slug__in=v).values("projectpage_id")),
        "open": lambda v: Q(open_to_officers=True, status__in=ProjectPage.JOINABLE_STATUSES),
        "lead": lambda v: Q(needs_new_lead=True),
    }
    return {name: make[name](values) for name, values in selected.items() if values}


# Facets counted from one GROUP BY over the project rows themselves.
ROW_FACETS = ("status", "stage", "unit", "open", "lead")


def _row_counts(projects, names):
    """Counts of the row facets in ``names`` and the total, from one GROUP BY."""
    counts = {name: {} for name in names}
    total = 0
    rows = (
        projects.order_by()
        .values_list("status", "stage", "lead_unit__slug", "open_to_officers", "needs_new_lead")
        .annotate(n=Count("pk"))
    )
    for status, stage, unit, open_, lead, n in rows:
        total += n
        values = {
            "status": status,
            "stage": stage,
            "unit": unit,
            "open": "yes" if open_ and status in ProjectPage.JOINABLE_STATUSES else None,
            "lead": "needed" if lead else None,
        }
        for name in names:
            value = values[name]
            if value is not None:
                counts[name][value] = counts[name].get(value, 0) + n
    return counts, total


def _link_counts(projects, name):
    """Counts of a many-to-many facet (theme, campus) over ``projects``."""
    through, slug = {
        "theme": (ProjectPage.themes.through, "theme__slug"),
        "campus": (ProjectPage.campuses.through, "campus__slug"),
    }[name]
    rows = (
        through.objects.filter(projectpage_id__in=projects.order_by().values("pk"))
        .values_list(slug)
        .annotate(n=Count("projectpage_id"))
    )
    return dict(rows.order_by())


def orm_counts(projects, selected):
    """``({facet: {value: count}}, total)`` over ``projects``: each facet under the other
    facets' selections, the total under all of them.

    Facets share a query when they are counted under the same filters: with no selection that
    is one GROUP BY for the row facets and one per many-to-many facet (3 queries); each
    selected facet adds the queries for itself alone.
    """
    clauses = facet_filters(selected)

    def under(skip):
        filtered = projects
        for name, clause in clauses.items():
            if name != skip:
                filtered = filtered.filter(clause)
        return filtered

    groups = {}
    for name, _label in FACETS:
        groups.setdefault(name if name in clauses else None, []).append(name)
    counts, total = {}, None
    for skip, names in groups.items():
        filtered = under(skip)
        rows = [name for name in names if name in ROW_FACETS]
        if rows or skip is None:
            found, n = _row_counts(filtered, rows)
            counts.update(found)
            if skip is None:
                total = n
        for name in names:
            if name not in ROW_FACETS:
                counts[name] = _link_counts(filtered, name)
    if total is None:  # every facet is selected
        total = under(None).order_by().count()
    return counts, total


def stale_last_order(sort, now=None):
    """ORM ordering for ``sort`` with possibly stale projects after all the others."""
    cutoff = stale_cutoff(now)
    stale = Case(
        When(status__in=NEVER_STALE_STATUSES, then=0),
        When(last_confirmed_at__lt=cutoff, then=1),
        When(Q(last_confirmed_at__isnull=True, first_published_at__lt=cutoff), then=1),
        default=0,
        output_field=IntegerField(),
    )
    key = {
        "newest": F("first_published_at").desc(nulls_last=True),
        "updated": F("last_published_at").desc(nulls_last=True),
        "title": Lower("title").asc(),
    }[sort]
    return stale, [F("stale_rank").asc(), key, F("pk").desc()]


def orm_listing(projects, selected, sort, relevance=None):
    """``(rows for Paginator, counts)`` for the database backends, with the ORM only."""
    counts, total = orm_counts(projects, selected)
    matching = projects
    for clause in facet_filters(selected).values():
        matching = matching.filter(clause)
    if sort == "relevance":
        found = set(matching.order_by().values_list("pk", flat=True))
        return [pk for pk in relevance or [] if pk in found], counts
    stale, ordering = stale_last_order(sort)
    rows = matching.annotate(stale_rank=stale).order_by(*ordering).values_list("pk", flat=True)
    return CountedRows(rows, total), counts
