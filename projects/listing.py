"""The registry listing: a reader's query and filters in, a page of projects and facets out.

All state lives in the GET parameters, so any search can be bookmarked and shared. Unknown
values are ignored and impossible page numbers land on a real page: bad input never errors.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from hub.i18n import default_locale as default_locale_memo
from hub.i18n import page_locale
from hub.languages import with_content_locale
from projects.facets import FACETS, cached_search, facet_labels, get_index
from projects.facets_engine import EngineWindow, engine_facets, engine_sort
from projects.facets_orm import facet_filters, orm_listing
from search import scope, spelling
from search.aggregations import faceted_search
from search.facets import FacetOption
from search.listings import ListingQuery, PagedResults, request_values
from search.service import ENGINE_RESULT_WINDOW, engine, plain_words, search_ids

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
# The best matches of a text search that the registry lists and counts (as the site search
# does): enough for any useful search, and an engine answers 1,000 ids about twice as fast as
# 2,000 (at 100,000 projects, 13 against 23 ms).
SEARCH_LIMIT = 1000
# What a project card reads (and Wagtail needs for the page's URL): loading only these makes
# a page of 20 cards several times cheaper to build than whole pages.
# What Wagtail reads to build a page's address: every partial load of project pages
# (cards, exports, feeds) starts with these.
PAGE_URL_FIELDS = ("id", "content_type_id", "path", "depth", "url_path", "locale_id")
CARD_FIELDS = (
    *PAGE_URL_FIELDS,
    "live",
    "translation_key",
    "title",
    "slug",
    "summary",
    "status",
    "open_to_officers",
    "needs_new_lead",
    "first_published_at",
    "last_confirmed_at",
    "lead_unit__slug",
    "lead_unit__name",
)
SORTS = [
    ("relevance", _("Best match")),
    ("newest", _("Newest")),
    ("updated", _("Recently updated")),
    ("title", _("Title (A–Z)")),
]


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected_count(self):
        return sum(1 for option in self.options if option.selected)


@dataclass
class RegistryResult(PagedResults):
    query: str
    sort: str
    sorts: list
    facets: list
    active: list
    page: object
    paginator: object
    total: int
    degraded: bool
    params: object
    # The primary keys on this page, in order: the key of the cached card list.
    page_pks: list = field(default_factory=list)  # the page's projects, in order
    load: object = None  # pks -> those projects, ready for their cards (RegistryQuery._load)
    # The text search matched more than ``limit`` projects: only the best are listed.
    capped: bool = False
    limit: int = SEARCH_LIMIT
    all_languages: bool = False  # the reader asked for every language (search.scope)
    suggestion: str = ""  # "Did you mean": a spelling that finds projects, when none matched

    @property
    def search_limit(self):
        return self.limit

    @property
    def projects(self):
        return self.items


class RegistryQuery(ListingQuery):
    def __init__(self, index_page, selected=None, locale=None, **common):
        super().__init__(index_page, **common)
        self.selected = selected or {}
        self.locale = locale or page_locale(index_page)

    @classmethod
    def filters_from(cls, get):
        selected = {name: request_values(get, name) for name, _label in FACETS}
        return {"selected": {name: values for name, values in selected.items() if values}}

    def run(self):
        from projects.models import ProjectPage

        default_locale = default_locale_memo()
        labels = facet_labels(self.locale.pk, default_locale.pk)
        selected = self._known_selection(labels)
        valid_sorts = [key for key, _label in SORTS if key != "relevance" or self.query]
        sort = self.sort if self.sort in valid_sorts else valid_sorts[0]
        projects = ProjectPage.objects.live().public().filter(locale_id=self.locale.pk)

        found = None
        backend = engine()
        # Across languages, the words are matched first (on the engine when there is one) and
        # the reader's versions of the projects found are then filtered and counted here.
        across = self.all_languages and bool(self.query)
        if backend is not None and backend.is_available() and not across:
            found = self._on_engine(backend, projects, selected, sort)
        if found is None:
            found = self._on_database(
                projects, selected, sort, default_locale, index=not (across and backend)
            )
        rows, counts, capped, degraded, limit = found

        paginator = Paginator(rows, PAGE_SIZE)
        page = paginator.get_page(self.page_number)
        pks = list(page.object_list)
        # Loaded only if the cards are rendered from the projects: the template keeps each card
        # ({% registry_cards %}), so a page of kept cards costs no project queries.
        page.object_list = SimpleLazyObject(lambda: self._load(ProjectPage, pks, labels))

        facets = []
        active = []
        for name, label in FACETS:
            facet = Facet(name, label)
            for fv in labels.get(name, []):
                is_selected = fv.value in selected.get(name, [])
                count = counts.get(name, {}).get(fv.value, 0)
                if count or is_selected:
                    facet.options.append(FacetOption(fv.value, fv.label, count, is_selected))
                if is_selected:
                    active.append((name, fv.value, fv.label))
            if facet.options:
                facets.append(facet)

        return RegistryResult(
            query=self.query,
            sort=sort,
            sorts=[(key, label) for key, label in SORTS if key in valid_sorts],
            facets=facets,
            active=active,
            page=page,
            paginator=paginator,
            total=paginator.count,
            degraded=degraded,
            params=selected,
            page_pks=pks,
            load=lambda keys: self._load(ProjectPage, keys, labels),
            capped=capped,
            limit=limit,
            all_languages=self.all_languages,
            suggestion=self._suggestion(projects) if self.query and not paginator.count else "",
        )

    def _known_selection(self, labels):
        """The selected filter values that exist, each once: unknown values are ignored."""
        known = {name: {fv.value for fv in values} for name, values in labels.items()}
        selected = {
            name: [v for v in dict.fromkeys(values) if v in known.get(name, ())]
            for name, values in self.selected.items()
        }
        return {name: values for name, values in selected.items() if values}

    def matching(self):
        """The reader's matching projects as an unordered queryset: the same search (its
        best ``SEARCH_LIMIT`` matches), filters and language as :meth:`run`, for callers that
        want their own order and a few rows (the Atom feed's newest)."""
        from projects.models import ProjectPage

        default_locale = default_locale_memo()
        selected = self._known_selection(facet_labels(self.locale.pk, default_locale.pk))
        projects = ProjectPage.objects.live().public().filter(locale_id=self.locale.pk)
        if self.query:
            relevance, _degraded = self._search(projects)
            projects = projects.filter(pk__in=relevance)
        for clause in facet_filters(selected).values():
            projects = projects.filter(clause)
        return projects

    def _search(self, projects):
        """``(pks best first, degraded)`` of the text search, in the reader's versions."""
        from projects.models import ProjectPage

        if self.all_languages:
            matched = scope.every_language(ProjectPage.objects.live())
        else:
            matched = ProjectPage.objects.live().filter(locale_id=self.locale.pk)
        outcome = cached_search(
            self.locale.pk,
            self.query,
            lambda: search_ids(
                matched,
                self.query,
                limit=SEARCH_LIMIT,
                exact=False,  # the listing keeps only this locale's live projects
                language=scope.ALL if self.all_languages else None,
            ),
            every_language=self.all_languages,
        )
        relevance = outcome.ids
        if self.all_languages:
            relevance = scope.as_reader_versions(relevance, matched, projects)
        return relevance, outcome.degraded

    def _suggestion(self, projects):
        """A respelling of the query from the words of the reader's language that finds at
        least one project (before filters), or ``""``."""
        suggestion = spelling.suggest(self.query, self.locale.pk)
        if not suggestion:
            return ""
        found = search_ids(projects, suggestion, limit=1, fuzzy=False)
        return suggestion if found.ids else ""

    def _on_engine(self, backend, projects, selected, sort):
        """The page, the total and every facet's counts in one request to the engine (a
        second only for a page number past the end); ``None`` if the engine failed."""
        if self.query and not plain_words(self.query):  # punctuation only: nothing found
            return [], {}, False, False, ENGINE_RESULT_WINDOW
        words = self.query  # as typed: the engine reads its syntax (search.syntax)
        facets = engine_facets(backend)
        order = engine_sort(backend, sort)

        def fetch(offset, size=PAGE_SIZE):
            return faceted_search(
                backend, projects, words, facets, selected, sort=order, offset=offset, size=size
            )

        try:
            number = max(1, int(self.page_number))
        except (TypeError, ValueError):
            number = 1
        offset = min((number - 1) * PAGE_SIZE, ENGINE_RESULT_WINDOW - PAGE_SIZE)
        rows = EngineWindow(fetch, offset, ENGINE_RESULT_WINDOW)
        try:
            rows.count()
        except Exception as exc:  # each engine client raises its own exception types
            backend.note_failure(exc)
            logger.warning("Registry search on the engine failed (%s); using the database", exc)
            return None
        # The engine counts every match; it lists them as far as its result window reaches.
        capped = bool(words) and rows.found.total > ENGINE_RESULT_WINDOW
        return rows, rows.found.counts, capped, False, ENGINE_RESULT_WINDOW

    def _on_database(self, projects, selected, sort, default_locale, index=True):
        """The listing from a text search's ids (if any) and the database's filters and counts:
        each worker's facet index where ``index`` and the setting allow it, else the ORM."""
        relevance, degraded = None, False
        if self.query:
            relevance, degraded = self._search(projects)
        capped = relevance is not None and len(relevance) >= SEARCH_LIMIT
        if not (index and settings.REGISTRY_FACET_INDEX):
            if relevance is not None:
                projects = projects.filter(pk__in=relevance)
            rows, counts = orm_listing(projects, selected, sort, relevance)
            return rows, counts, capped, degraded, SEARCH_LIMIT

        index = get_index(self.locale.pk, default_locale.pk)
        base = index.mask_of(relevance) if relevance is not None else None
        mask = index.apply(selected, base)
        if sort == "relevance":
            rows = index.ordered(mask, relevance=relevance)
        else:
            # Every other order puts projects not confirmed for six months last.
            rows = index.ordered_fresh_first(mask, sort)
        return rows, index.counts(selected, base), capped, degraded, SEARCH_LIMIT

    def _load(self, model, pks, labels):
        """The page of projects, in order, with localised theme and unit labels (3 queries)."""
        if not pks:
            return []
        projects = {
            project.pk: project
            for project in with_content_locale(model.objects.filter(pk__in=pks))
            .select_related("lead_unit")
            .only(*CARD_FIELDS)
        }
        theme_labels = {fv.value: fv.label for fv in labels.get("theme", [])}
        unit_labels = {fv.value: fv.label for fv in labels.get("unit", [])}
        themes_by_project = {}
        links = model.themes.through.objects.filter(projectpage_id__in=pks).values_list(
            "projectpage_id", "theme__slug", "theme__name"
        )
        for project_id, slug, name in links.order_by("theme__name"):
            themes_by_project.setdefault(project_id, []).append(theme_labels.get(slug, name))
        ordered = []
        for pk in pks:
            project = projects.get(pk)
            if project is None:
                continue
            project.theme_labels = themes_by_project.get(pk, [])
            project.unit_label = (
                unit_labels.get(project.lead_unit.slug, project.lead_unit.name)
                if project.lead_unit
                else ""
            )
            ordered.append(project)
        return ordered
