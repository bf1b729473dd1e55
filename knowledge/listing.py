"""Finding guidance: a reader's query and filters in, a page of results out.

The listing's building blocks (options, facet groups, the :class:`Listing` result, the filter and
sort helpers) are shared with the resource library in :mod:`knowledge.resource_listing`.

All state lives in the GET parameters so any search can be shared. Unknown filter values are
ignored, impossible page numbers land on a real page and any query is cleaned before it
reaches the search backend: bad input never errors.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from hub.languages import mark_content_locales
from knowledge.models.audience import Audience
from knowledge.models.guideline import GuidelinePage
from knowledge.models.resources import theme_labels
from search import scope
from search.listings import ListingQuery, PagedResults, request_values
from search.service import search_ids

GUIDANCE_PAGE_SIZE = 12
LANDING_SIZE = 4

GUIDANCE_SORTS = [
    ("relevance", _("Best match")),
    ("newest", _("Newest")),
    ("reviewed", _("Recently reviewed")),
    ("title", _("Title (A–Z)")),
]
ORDERINGS = {
    "newest": ("-first_published_at", "-pk"),
    "reviewed": ("-last_reviewed", "-first_published_at", "-pk"),
    "title": (Lower("title"), "pk"),
}


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    description: str = ""


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def visible_options(self):
        return [option for option in self.options if option.count or option.selected]


@dataclass
class Listing(PagedResults):
    query: str
    sort: str
    sorts: list
    facets: list
    active: list
    page: object
    paginator: object
    degraded: bool
    is_browsing: bool = False
    all_languages: bool = False  # the reader asked for every language (search.scope)

    @property
    def total(self):
        return self.paginator.count


def _known(values, allowed):
    return [value for value in dict.fromkeys(values) if value in allowed]


def _count(through, owner_field, value_field, owners):
    rows = (
        through.objects.filter(**{f"{owner_field}__in": owners.values("pk")})
        .values(value_field)
        .annotate(n=Count(owner_field, distinct=True))
    )
    return {row[value_field]: row["n"] for row in rows}


def _in_through(through, owner_field, value_field, values):
    return Q(pk__in=through.objects.filter(**{f"{value_field}__in": values}).values(owner_field))


def _order_by_relevance(queryset, ids):
    allowed = set(queryset.values_list("pk", flat=True))
    return [pk for pk in ids if pk in allowed]


def _sort(requested, query, sorts):
    valid = [key for key, _label in sorts if key != "relevance" or query]
    return (requested if requested in valid else valid[0]), [
        (key, label) for key, label in sorts if key in valid
    ]


def decorate_guidelines(pages, locale_id):
    """Attach theme and audience labels for cards (two queries for any number of pages)."""
    from django.db.models import prefetch_related_objects

    pages = mark_content_locales(pages)
    prefetch_related_objects(pages, "themes", "audiences")
    labels = theme_labels(locale_id)
    for page in pages:
        page.theme_labels = [labels.get(t.slug, t.name) for t in page.themes.all()]
        page.audience_labels = [audience.label for audience in page.audiences.all()]
    return pages


class GuidanceQuery(ListingQuery):
    def __init__(self, index_page, themes=(), audiences=(), all_=False, **common):
        super().__init__(index_page, **common)
        self.themes = list(themes)
        self.audiences = list(audiences)
        self.view_all = all_

    @classmethod
    def filters_from(cls, get):
        return {
            "themes": request_values(get, "theme"),
            "audiences": request_values(get, "audience"),
            "all_": "all" in get or "sort" in get or "page" in get,
        }

    def run(self):
        locale_id = self.index_page.locale_id
        labels = theme_labels(locale_id)
        themes = _known(self.themes, labels)
        audiences = _known(self.audiences, Audience.Slug.values)
        is_browsing = not (self.query or themes or audiences or self.view_all)

        base = self.index_page.get_guidelines()
        ids, degraded = None, False
        if self.query:
            if self.all_languages:
                matched = scope.every_language(GuidelinePage.objects.live())
            else:
                matched = GuidelinePage.objects.live().filter(locale_id=locale_id)
            outcome = search_ids(
                matched,
                self.query,
                exact=False,
                language=scope.ALL if self.all_languages else None,
            )
            ids, degraded = outcome.ids, outcome.degraded
            if self.all_languages:
                ids = scope.as_reader_versions(ids, matched, base)
            base = base.filter(pk__in=ids)

        theme_through = GuidelinePage.themes.through
        audience_through = GuidelinePage.audiences.through
        by_theme = (
            _in_through(theme_through, "guidelinepage_id", "theme__slug", themes) if themes else Q()
        )
        by_audience = (
            _in_through(audience_through, "guidelinepage_id", "audience__slug", audiences)
            if audiences
            else Q()
        )
        results = base.filter(by_theme).filter(by_audience)

        theme_counts = _count(
            theme_through, "guidelinepage_id", "theme__slug", base.filter(by_audience)
        )
        audience_counts = _count(
            audience_through, "guidelinepage_id", "audience__slug", base.filter(by_theme)
        )
        theme_facet = FacetGroup("theme", _("Topic"))
        for slug, label in sorted(labels.items(), key=lambda item: item[1].lower()):
            theme_facet.options.append(
                Option(slug, label, theme_counts.get(slug, 0), slug in themes)
            )
        audience_facet = FacetGroup("audience", _("Audience"))
        for slug, label in Audience.Slug.choices:
            audience_facet.options.append(
                Option(
                    slug,
                    label,
                    audience_counts.get(slug, 0),
                    slug in audiences,
                    Audience.DESCRIPTIONS.get(slug, ""),
                )
            )
        active = [("theme", slug, labels[slug]) for slug in themes] + [
            ("audience", slug, Audience.label_for(slug)) for slug in audiences
        ]

        sort, sorts = _sort(self.sort, self.query, GUIDANCE_SORTS)
        if sort == "relevance":
            ordered = _order_by_relevance(results, ids)
        else:
            ordered = list(results.order_by(*ORDERINGS[sort]).values_list("pk", flat=True))
        paginator = Paginator(ordered, GUIDANCE_PAGE_SIZE)
        page = paginator.get_page(self.page_number)
        if not is_browsing:
            page.object_list = self._load(page.object_list, locale_id)
        return Listing(
            query=self.query,
            sort=sort,
            sorts=sorts,
            facets=[theme_facet, audience_facet],
            active=active,
            page=page,
            paginator=paginator,
            degraded=degraded,
            is_browsing=is_browsing,
            all_languages=self.all_languages,
        )

    def matching(self):
        """The guidelines the search and filters find, as an unordered queryset (the feed's)."""
        locale_id = self.index_page.locale_id
        themes = _known(self.themes, theme_labels(locale_id))
        audiences = _known(self.audiences, Audience.Slug.values)
        results = self.index_page.get_guidelines()
        if self.query:
            if self.all_languages:
                matched = scope.every_language(GuidelinePage.objects.live())
            else:
                matched = GuidelinePage.objects.live().filter(locale_id=locale_id)
            ids = search_ids(
                matched,
                self.query,
                exact=False,
                language=scope.ALL if self.all_languages else None,
            ).ids
            if self.all_languages:
                ids = scope.as_reader_versions(ids, matched, results)
            results = results.filter(pk__in=ids)
        if themes:
            results = results.filter(
                _in_through(GuidelinePage.themes.through, "guidelinepage_id", "theme__slug", themes)
            )
        if audiences:
            through = GuidelinePage.audiences.through
            results = results.filter(
                _in_through(through, "guidelinepage_id", "audience__slug", audiences)
            )
        return results

    def _load(self, pks, locale_id):
        pks = list(pks)
        if not pks:
            return []
        pages = {p.pk: p for p in GuidelinePage.objects.filter(pk__in=pks).defer_streamfields()}
        return decorate_guidelines([pages[pk] for pk in pks if pk in pages], locale_id)


def landing_sections(index_page, listing):
    """What the guidance home shows before anyone searches: topics, audiences and picks."""
    locale_id = index_page.locale_id
    featured = index_page.get_featured()
    shown = {page.translation_key for page in featured}
    base = index_page.get_guidelines().defer_streamfields()
    newest = list(
        base.exclude(translation_key__in=shown).order_by("-first_published_at", "-pk")[
            :LANDING_SIZE
        ]
    )
    shown.update(page.translation_key for page in newest)
    reviewed = list(
        base.exclude(translation_key__in=shown).order_by("-last_reviewed", "-pk")[:LANDING_SIZE]
    )
    decorate_guidelines([*featured, *newest, *reviewed], locale_id)
    return {
        "topics": listing.facet("theme").visible_options,
        "audiences": listing.facet("audience").options,
        "featured": featured,
        "newest": newest,
        "recently_reviewed": reviewed,
    }
