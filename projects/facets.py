"""The registry's facets: which there are, their labels, and three ways of counting them.

- On an engine (``SEARCH_URL``), :func:`engine_listing` asks the engine for a page of hits and
  every facet's counts in one request (:mod:`search.aggregations`).
- On the database, the per-process bitmask index (:func:`get_index`, rebuilt by each worker
  after a publish) answers; with ``REGISTRY_FACET_INDEX`` off, :func:`orm_listing` filters,
  orders, pages and counts with the ORM instead (one GROUP BY per facet and filter set), which
  needs no memory per worker but at 100,000 projects is far slower (``make bench-search``).

All three count each facet under the other facets' selections (multi-select faceting).
"""

import bisect
import threading

from django.utils.translation import gettext_lazy as _

from hub.i18n import names_by_slug
from hub.memo import VersionedMemo, VersionToken
from hub.models import Campus, Theme, Unit
from projects.upkeep import reference_time, stale_cutoff
from search.facets import FacetIndex, FacetValue, OrderedSelection
from search.service import results_follow_content

VERSION_KEY = "projects:registry-version"

# The facets the registry offers, in display order, with their GET parameter names.
FACETS = [
    ("theme", _("Theme")),
    ("status", _("Status")),
    ("stage", _("Student lifecycle stage")),
    ("unit", _("Lead unit")),
    ("campus", _("Campus")),
    ("open", _("Open to officers")),
    ("lead", _("Lead")),
]


class RegistryIndex(FacetIndex):
    """The facet index plus what it takes to rank "possibly stale" projects last.

    The index is cached per content version, but staleness depends on the clock, so it is
    not baked into the orderings: each item's reference time (last confirmation, else first
    publication; none for completed projects) is kept sorted, and the stale set is the prefix
    older than the cut-off, found by bisection at query time. Its bitmask is rebuilt only when
    the prefix length changes, which happens at most once per project per six months.
    """

    def __init__(self, items, facets, orderings, labels=None, reference_times=None):
        super().__init__(items, facets, orderings, labels)
        timed = sorted(
            (timestamp, self.position[pk])
            for pk, timestamp in (reference_times or {}).items()
            if timestamp is not None and pk in self.position
        )
        self._stale_times = [timestamp for timestamp, _position in timed]
        self._stale_positions = [position for _timestamp, position in timed]
        self._stale_memo = (0, 0)
        self._stale_lock = threading.Lock()

    def stale_mask(self, now=None):
        """Bitmask of the items not confirmed since the cut-off."""
        count = bisect.bisect_left(self._stale_times, stale_cutoff(now).timestamp())
        memo = self._stale_memo
        if memo[0] != count:
            with self._stale_lock:
                if self._stale_memo[0] != count:
                    bits = bytearray((len(self.pks) + 8) // 8)
                    for position in self._stale_positions[:count]:
                        bits[position >> 3] |= 1 << (position & 7)
                    self._stale_memo = (count, int.from_bytes(bits, "little"))
                memo = self._stale_memo
        return memo[1]

    def ordered_fresh_first(self, mask, ordering, now=None):
        """Like :meth:`ordered`, with possibly stale items after all the others."""
        stale = self.stale_mask(now) & mask
        if not stale:
            return self.ordered(mask, ordering=ordering)
        positions = self.orderings[ordering]
        return FreshFirstSelection(
            OrderedSelection(self, mask & ~stale, positions, ordering=ordering),
            OrderedSelection(self, stale, positions, ordering=ordering),
        )


class FreshFirstSelection:
    """Two ordered selections one after the other, sliceable and countable for Paginator."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def count(self):
        return self.first.count() + self.second.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("FreshFirstSelection supports slices only")
        start = key.start or 0
        stop = key.stop if key.stop is not None else self.count()
        split = self.first.count()
        picked = []
        if start < split:
            picked.extend(self.first[start : min(stop, split)])
        if stop > split:
            picked.extend(self.second[max(start - split, 0) : stop - split])
        return picked


# The registry's own version: projects and taxonomies only, so other content leaves the
# per-process indexes, labels and searches below in place.
_version = VersionToken(VERSION_KEY)
current_version = _version.current


def bump_version(**_kwargs):
    """Invalidate every language's registry index (signal receiver)."""
    _version.move()


def _taxonomy_labels(model, locale_id, default_locale_id):
    """The facet values of a taxonomy, named in the locale, in name order."""
    names = names_by_slug(model, locale_id, default_locale_id=default_locale_id)
    return [FacetValue(slug, name) for slug, name in sorted(names.items(), key=lambda i: i[1])]


def facet_labels(locale_id, default_locale_id):
    """``{facet: [FacetValue, ...]}``: every value each facet offers, named in the locale,
    in display order (3 queries, remembered until the registry next changes)."""
    from projects.models import ProjectPage

    version, key = current_version(), ("labels", locale_id, default_locale_id)
    labels = _labels.get(version, key)
    if labels is None:
        labels = {
            "theme": _taxonomy_labels(Theme, locale_id, default_locale_id),
            "unit": _taxonomy_labels(Unit, locale_id, default_locale_id),
            "campus": _taxonomy_labels(Campus, locale_id, default_locale_id),
            "status": [FacetValue(v, label) for v, label in ProjectPage.Status.choices],
            "stage": [FacetValue(v, label) for v, label in ProjectPage.Stage.choices],
            "open": [FacetValue("yes", _("Open to officers"))],
            "lead": [FacetValue("needed", _("Needs a new lead"))],
        }
        _labels.set(version, key, labels)
    return labels


_labels = VersionedMemo(max_entries=64)


def build_index(locale_id, default_locale_id):
    from projects.models import ProjectPage

    projects = ProjectPage.objects.live().public().filter(locale_id=locale_id)
    rows = list(
        projects.values_list(
            "pk",
            "status",
            "stage",
            "lead_unit__slug",
            "open_to_officers",
            "title",
            "first_published_at",
            "last_published_at",
            "last_confirmed_at",
            "needs_new_lead",
        )
    )
    pks = [row[0] for row in rows]
    theme_rows = ProjectPage.themes.through.objects.filter(projectpage__in=projects).values_list(
        "projectpage_id", "theme__slug"
    )
    campus_rows = ProjectPage.campuses.through.objects.filter(projectpage__in=projects).values_list(
        "projectpage_id", "campus__slug"
    )

    def grouped(pairs):
        result = {}
        for pk, value in pairs:
            result.setdefault(pk, []).append(value)
        return result

    facets = {
        "theme": grouped(theme_rows),
        "status": {row[0]: [row[1]] for row in rows},
        "stage": {row[0]: [row[2]] for row in rows},
        "unit": {row[0]: [row[3]] for row in rows if row[3]},
        "campus": grouped(campus_rows),
        "lead": {row[0]: ["needed"] for row in rows if row[9]},
        # "Open to officers" means joinable now: open, and proposed or active.
        "open": {
            row[0]: ["yes"] for row in rows if row[4] and row[1] in ProjectPage.JOINABLE_STATUSES
        },
    }
    epoch = (0,)

    def by_date(index):
        return sorted(rows, key=lambda r: (r[index].timestamp(),) if r[index] else epoch)

    orderings = {
        "newest": [r[0] for r in reversed(by_date(6))],
        "updated": [r[0] for r in reversed(by_date(7))],
        "title": [r[0] for r in sorted(rows, key=lambda r: (r[5].casefold(), r[0]))],
    }
    labels = facet_labels(locale_id, default_locale_id)
    reference_times = {}
    for row in rows:
        reference = reference_time(row[1], row[8], row[6])
        reference_times[row[0]] = reference.timestamp() if reference else None
    return RegistryIndex(pks, facets, orderings, labels, reference_times)


# The registry index per language, in each worker.
_indexes = VersionedMemo(max_entries=64)


def get_index(locale_id, default_locale_id):
    """The registry index for a language, rebuilt only when projects or taxonomies changed."""
    return _indexes.get_or_build(
        current_version(),
        (locale_id, default_locale_id),
        lambda: build_index(locale_id, default_locale_id),
    )


# Recent searches per worker, emptied when the registry changes (its version moves on).
_searches = VersionedMemo(max_entries=512)


def cached_search(locale_id, query, run):
    """``run()``'s SearchOutcome for a query, remembered until the registry next changes.

    Readers repeat the same few searches ("wellbeing", "survey"), and results only change when
    a project is published or unpublished, which moves the registry's version on. Only database
    answers are remembered: not degraded (fallback) ones, so results recover as soon as the
    engine does, and not an engine's, whose index can change without any content change.
    """
    if not results_follow_content():
        return run()
    version, key = current_version(), (locale_id, query.casefold())
    outcome = _searches.get(version, key)
    if outcome is None:
        outcome = run()
        if not outcome.degraded:
            _searches.set(version, key, outcome)
    return outcome


# --- counting on the database with the ORM ------------------------------------------------


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
    from django.db.models import Q

    from projects.models import ProjectPage

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
    from django.db.models import Count

    from projects.models import ProjectPage

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
    from django.db.models import Count

    from projects.models import ProjectPage

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
    from django.db.models import Case, F, IntegerField, Q, When
    from django.db.models.functions import Lower

    from projects.upkeep import NEVER_STALE_STATUSES

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


# --- counting on an engine with its aggregations -----------------------------------------


def engine_facets(backend):
    """The registry's facets as the engine indexes them (keyword filter fields)."""
    from projects.models import ProjectPage
    from search.aggregations import EngineFacet

    column = _engine_columns(backend)
    open_now = {
        "bool": {
            "filter": [
                {"term": {column("open_to_officers"): True}},
                {"terms": {column("status"): list(ProjectPage.JOINABLE_STATUSES)}},
            ]
        }
    }
    by_name = {
        "theme": EngineFacet("theme", column("theme_slugs")),
        "status": EngineFacet("status", column("status")),
        "stage": EngineFacet("stage", column("stage")),
        "unit": EngineFacet("unit", column("unit_slug")),
        "campus": EngineFacet("campus", column("campus_slugs")),
        "open": EngineFacet("open", conditions={"yes": open_now}),
        "lead": EngineFacet(
            "lead", conditions={"needed": {"term": {column("needs_new_lead"): True}}}
        ),
    }
    return [by_name[name] for name, _label in FACETS]


def _engine_columns(backend):
    from modelsearch.index import FilterField

    from projects.models import ProjectPage

    mapping = backend.mapping_class(ProjectPage)
    fields = {
        field.field_name: field
        for field in ProjectPage.get_search_fields()
        if isinstance(field, FilterField)
    }
    return lambda name: mapping.get_field_column_name(fields[name])


def engine_sort(backend, sort, now=None):
    """How :func:`search.aggregations.faceted_search` orders hits for ``sort``: by relevance,
    or fresh projects first (scored 1 by the filter ``first``) and then by the sort's field."""
    from projects.upkeep import NEVER_STALE_STATUSES

    if sort == "relevance":
        return None
    column = _engine_columns(backend)
    cutoff = stale_cutoff(now).isoformat()
    confirmed, published = column("last_confirmed_at"), column("first_published_at")
    unconfirmed = {"exists": {"field": confirmed}}
    fresh = {
        "bool": {
            "should": [
                {"terms": {column("status"): sorted(NEVER_STALE_STATUSES)}},
                {"range": {confirmed: {"gte": cutoff}}},
                {
                    "bool": {
                        "must_not": [unconfirmed],
                        "filter": [{"range": {published: {"gte": cutoff}}}],
                    }
                },
                {"bool": {"must_not": [unconfirmed, {"exists": {"field": published}}]}},
            ],
            "minimum_should_match": 1,
        }
    }
    field, order = {
        "newest": ("first_published_at", "desc"),
        "updated": ("last_published_at", "desc"),
        "title": ("title", "asc"),
    }[sort]
    return {
        "first": fresh,
        "sort": [
            {"_score": {"order": "desc"}},
            {column(field): {"order": order, "missing": "_last"}},
            {"pk": {"order": "desc"}},
        ],
    }


class EngineWindow:
    """The engine's hits for Paginator: one request answers the count, the page and the
    facet counts; another is made only if Paginator asks for a different page (a page number
    past the end)."""

    def __init__(self, fetch, offset, limit):
        self.fetch = fetch
        self.offset = offset
        self.limit = limit  # the engine's result window
        self.found = None

    def _at(self, offset):
        if self.found is None or self.found.offset != offset:
            self.found = self.fetch(offset)
        return self.found

    def count(self):
        return min(self._at(self.offset).total, self.limit)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("EngineWindow supports slices only")
        start = key.start or 0
        return self._at(start).pks[: (key.stop or start) - start]
