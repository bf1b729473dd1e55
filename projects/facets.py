"""The registry's facets: which there are, their labels, and three ways of counting them.

- On an engine (``SEARCH_URL``), :mod:`projects.facets_engine` asks the engine for a page of
  hits and every facet's counts in one request (:mod:`search.aggregations`).
- On the database, the per-process bitmask index here (:func:`get_index`, rebuilt by each
  worker after a publish) answers; with ``REGISTRY_FACET_INDEX`` off,
  :func:`projects.facets_orm.orm_listing` filters, orders, pages and counts with the ORM
  instead (one GROUP BY per facet and filter set), which needs no memory per worker but at
  100,000 projects is far slower (``make bench-search``).

All three count each facet under the other facets' selections (multi-select faceting).
"""

import bisect
import threading

from django.utils.translation import gettext_lazy as _

from hub.i18n import names_by_slug
from hub.memo import VersionedMemo, VersionToken
from hub.models import Campus, Theme, Unit
from projects.models import ProjectPage
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


def cached_search(locale_id, query, run, every_language=False):
    """``run()``'s SearchOutcome for a query, remembered until the registry next changes.

    Readers repeat the same few searches ("wellbeing", "survey"), and results only change when
    a project is published or unpublished, which moves the registry's version on. Only database
    answers are remembered: not degraded (fallback) ones, so results recover as soon as the
    engine does, and not an engine's, whose index can change without any content change.
    """
    if not results_follow_content():
        return run()
    version, key = current_version(), (locale_id, query.casefold(), every_language)
    outcome = _searches.get(version, key)
    if outcome is None:
        outcome = run()
        if not outcome.degraded:
            _searches.set(version, key, outcome)
    return outcome
