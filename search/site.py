"""Site-wide search: every published page in the reader's language, with type and theme facets.

Results come from :func:`search.service.search_ids` (best first), then one query learns each
result's page type and one per themed page type learns its themes, and a
:class:`~search.facets.FacetIndex` over those results filters and counts them. Editors' picks
(Wagtail's search promotions) for the query come first and are not repeated below.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import ManyToManyField
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from hub.cache import content_memo, current_version
from hub.i18n import active_locale, default_locale, names_by_slug
from hub.languages import content_language, mark_content_locales
from hub.models import Theme
from hub.routing import find_site
from search import scope, service, snippets, spelling, stats
from search.facets import FacetIndex, FacetOption, FacetValue

PAGE_SIZE = 10
RESULT_LIMIT = 1000
MAX_PICKS = 5


FACET_LABELS = {"type": _("Type"), "theme": _("Theme")}


@dataclass
class Facet:
    name: str
    options: list = field(default_factory=list)

    @property
    def label(self):
        return FACET_LABELS[self.name]

    @property
    def visible_options(self):
        """Options with results or selected (the only ones :class:`SiteSearch` adds)."""
        return self.options


@dataclass
class Result:
    page: Page
    url: str
    type_label: str
    title: str  # safe HTML, query words marked
    snippet: str  # safe HTML, query words marked
    theme_labels: list
    language: str = ""  # the language of the page's text (an alias shows its source's)


@dataclass
class Pick:
    title: str
    url: str
    description: str
    external: bool
    language: str = ""


@dataclass
class SiteSearchResult:
    query: str = ""
    results: list = field(default_factory=list)
    picks: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    selected: dict = field(default_factory=dict)
    paginator: object = None
    page: object = None
    total: int = 0
    capped: bool = False
    degraded: bool = False
    fuzzy: bool = False
    suggestion: str = ""
    all_languages: bool = False  # the reader asked for every language (search.scope)

    @property
    def page_range(self):
        if self.paginator is None:
            return []
        return self.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1)

    @property
    def has_filters(self):
        return any(self.selected.values())

    @property
    def active(self):
        """``(name, value, label)`` for every selected filter, for “remove” links."""
        found = []
        for name in ("type", "theme"):
            facet = self.facets.get(name)
            for option in facet.options if facet else []:
                if option.selected:
                    found.append((name, option.value, option.label))
        return found


def themes_field(model):
    """The many-to-many field to Theme a page model has, if any (projects, guidance...)."""
    try:
        candidate = model._meta.get_field("themes")
    except FieldDoesNotExist:
        return None
    if isinstance(candidate, ManyToManyField) and candidate.related_model is Theme:
        return candidate
    return None


class SiteSearch:
    def __init__(
        self,
        query="",
        selected=None,
        page=1,
        locale=None,
        request=None,
        log=True,
        all_languages=False,
    ):
        self.query = service.clean_query(query)
        self.all_languages = all_languages
        self.selected = selected or {}
        self.page_number = page
        self.locale = locale or Locale.get_active()
        self.request = request
        self.log = log

    @classmethod
    def from_request(cls, request):
        get = request.GET
        selected = {
            name: [v[:100] for v in get.getlist(name)[:20] if v] for name in ("type", "theme")
        }
        # LocaleMiddleware has activated the request's language.
        locale = active_locale() or default_locale()
        return cls(
            get.get("q", ""),
            selected,
            get.get("page", 1),
            locale,
            request,
            all_languages=scope.wants_all(get),
        )

    def base_queryset(self):
        return Page.objects.live().public().filter(locale=self.locale, depth__gt=1)

    def run(self):
        """The results page; on a database backend the same search in the same language is
        computed once per content change in each worker (``hub.cache.content_memo``); every
        search is counted."""
        if not self.query:
            return SiteSearchResult(query=self.query, all_languages=self.all_languages)
        site = find_site(self.request) if self.request is not None else None
        key = (
            "site-search",
            getattr(site, "pk", None),
            self.locale.pk,
            self.query,
            self.all_languages,
            tuple(sorted((name, tuple(values)) for name, values in self.selected.items())),
            str(self.page_number),
        )
        # Only a database backend's answers follow the content version (an engine's index can
        # change on its own, e.g. after a catch-up), and never a fallback answer.
        remember = service.results_follow_content()
        version = current_version()
        result = content_memo.get(version, key) if remember else None
        if result is None:
            result = self._compute()
            if remember and not result.degraded:
                content_memo.set(version, key, result)
        first_view = not any(self.selected.values()) and str(self.page_number) in ("", "1")
        if first_view and self.log:
            stats.record(self.query, self.locale.language_code, result.total + len(result.picks))
        return result

    def _compute(self):
        result = SiteSearchResult(query=self.query, all_languages=self.all_languages)
        queryset = self.base_queryset()
        if self.all_languages:
            queryset = scope.every_language(Page.objects.live().public().filter(depth__gt=1))
        outcome = service.search_ids(
            queryset,
            self.query,
            limit=RESULT_LIMIT,
            language=scope.ALL if self.all_languages else None,
        )
        result.degraded, result.fuzzy = outcome.degraded, outcome.fuzzy
        first_view = not any(self.selected.values()) and str(self.page_number) in ("", "1")

        picks, picked_pks = self._picks() if first_view else ([], set())
        result.picks = picks
        ids = outcome.ids
        if self.all_languages:
            ids = scope.as_reader_versions(ids, queryset, self.base_queryset())
        ids = [pk for pk in ids if pk not in picked_pks]
        result.capped = len(outcome.ids) >= RESULT_LIMIT

        index, labels = self._facet_index(ids)
        selected = {
            name: [v for v in dict.fromkeys(values) if v in index.known_values(name)]
            for name, values in self.selected.items()
        }
        result.selected = {name: values for name, values in selected.items() if values}
        mask = index.apply(result.selected)
        result.paginator = Paginator(index.ordered(mask, relevance=ids), PAGE_SIZE)
        result.page = result.paginator.get_page(self.page_number)
        result.total = result.paginator.count
        counts = index.counts(result.selected)
        for name in ("type", "theme"):
            facet = Facet(name)
            for fv in index.labels.get(name, []):
                count = counts.get(name, {}).get(fv.value, 0)
                is_selected = fv.value in result.selected.get(name, [])
                if count or is_selected:
                    facet.options.append(FacetOption(fv.value, fv.label, count, is_selected))
            result.facets[name] = facet

        result.results = self._load(list(result.page.object_list), labels, queryset, outcome)
        if not result.total and not result.picks:
            result.suggestion = self._suggestion(queryset)
        return result

    def _facet_index(self, ids):
        rows = list(Page.objects.filter(pk__in=ids).values_list("pk", "content_type_id"))
        type_of, pks_by_model = {}, {}
        for pk, ct_id in rows:
            model = ContentType.objects.get_for_id(ct_id).model_class()  # cached per process
            if model is None:
                continue
            type_of[pk] = [model._meta.label_lower]
            pks_by_model.setdefault(model, []).append(pk)
        themes_of = {}
        for model, pks in pks_by_model.items():
            m2m = themes_field(model)
            if m2m is None:
                continue
            through = m2m.remote_field.through
            source = m2m.m2m_field_name()
            pairs = through.objects.filter(**{f"{source}_id__in": pks}).values_list(
                f"{source}_id", "theme__slug"
            )
            for pk, slug in pairs:
                themes_of.setdefault(pk, []).append(slug)
        models = sorted(pks_by_model, key=lambda m: str(capfirst(m._meta.verbose_name_plural)))
        type_labels = [
            FacetValue(m._meta.label_lower, str(capfirst(m._meta.verbose_name_plural)))
            for m in models
        ]
        slugs = {slug for values in themes_of.values() for slug in values}
        theme_names = names_by_slug(
            Theme, self.locale.pk, slugs, default_locale_id=default_locale().pk
        )
        theme_labels = sorted(
            (FacetValue(slug, theme_names.get(slug, slug)) for slug in slugs),
            key=lambda fv: fv.label.casefold(),
        )
        labels = {"type": type_labels, "theme": theme_labels}
        present = [pk for pk in ids if pk in type_of]
        index = FacetIndex(present, {"type": type_of, "theme": themes_of}, {}, labels)
        return index, {
            "type": {fv.value: fv.label for fv in type_labels},
            "theme": theme_names,
            "themes_of": themes_of,
        }

    def _load(self, pks, labels, queryset, outcome):
        if not pks:
            return []
        pages = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
        mark_content_locales(pages.values())
        marked = service.highlights(queryset, outcome, pks)
        words = snippets.query_words(outcome.words or self.query)
        results = []
        for pk in pks:
            page = pages.get(pk)
            url = page.get_url(self.request) if page is not None else None
            if url is None:  # deleted meanwhile, or not reachable on any site
                continue
            fragments = marked.get(pk) or []
            text = (
                snippets.safe_fragment(fragments[0]) if fragments else snippets.snippet(page, words)
            )
            results.append(
                Result(
                    page=page,
                    url=url,
                    type_label=labels["type"].get(type(page)._meta.label_lower, ""),
                    title=snippets.mark(page.title, words),
                    snippet=text,
                    theme_labels=[
                        labels["theme"].get(slug, slug) for slug in labels["themes_of"].get(pk, [])
                    ],
                    language=content_language(page),
                )
            )
        return results

    def _picks(self):
        """Editors' picks for the query, as pages in the reader's language, and their pks."""
        from wagtail.contrib.search_promotions.models import SearchPromotion

        normalised = normalise_query_string(self.query)
        promotions = (
            SearchPromotion.objects.filter(query__query_string=normalised)
            .select_related("page")
            .order_by("sort_order")[:MAX_PICKS]
        )
        promotions = list(promotions)
        keys = {p.page.translation_key for p in promotions if p.page_id}
        translations = {
            page.translation_key: page
            for page in mark_content_locales(
                Page.objects.live().public().filter(translation_key__in=keys, locale=self.locale)
            )
        }
        picks, pks = [], set()
        for promotion in promotions:
            if promotion.page_id:
                page = translations.get(promotion.page.translation_key)
                url = page.get_url(self.request) if page is not None else None
                if url is None or page.pk in pks:
                    continue
                pks.add(page.pk)
                picks.append(
                    Pick(
                        page.title,
                        url,
                        promotion.description or page.search_description,
                        False,
                        content_language(page),
                    )
                )
            elif promotion.external_link_url:
                picks.append(
                    Pick(
                        promotion.external_link_text or promotion.external_link_url,
                        promotion.external_link_url,
                        promotion.description,
                        True,
                    )
                )
        return picks, pks

    def _suggestion(self, queryset):
        suggestion = spelling.suggest(self.query, self.locale.pk)
        if not suggestion:
            return ""
        found = service.search_ids(queryset, suggestion, limit=1, fuzzy=False)
        return suggestion if found.ids else ""
