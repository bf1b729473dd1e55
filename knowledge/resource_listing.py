"""The resource library's listing: search, filters by kind, language and theme, sorting.

Like the guidance listing (:mod:`knowledge.listing`, whose building blocks it uses), all state is
in the GET parameters, unknown filter values are ignored and bad input never errors.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from hub.i18n import default_locale
from knowledge.listing import (
    FacetGroup,
    Listing,
    Option,
    _count,
    _in_through,
    _known,
    _order_by_relevance,
    _sort,
)
from knowledge.models.resources import Resource, theme_labels
from search.listings import ListingQuery, request_values
from search.service import search_ids

RESOURCE_PAGE_SIZE = 20
RESOURCE_SORTS = [
    ("relevance", _("Best match")),
    ("newest", _("Newest")),
    ("title", _("Title (A–Z)")),
]
RESOURCE_ORDERINGS = {
    "newest": ("-created_at", "-pk"),
    "title": (Lower("title"), "pk"),
}


class ResourceQuery(ListingQuery):
    """Search and filter the resource library in the index page's language."""

    def __init__(self, index_page, kinds=(), languages=(), themes=(), **common):
        super().__init__(index_page, **common)
        self.kinds = list(kinds)
        self.languages = list(languages)
        self.themes = list(themes)

    @classmethod
    def filters_from(cls, get):
        return {
            "kinds": request_values(get, "type"),
            "languages": request_values(get, "language"),
            "themes": request_values(get, "theme"),
        }

    def base_queryset(self):
        """Resources in this language, plus untranslated ones from the default language."""
        locale_id = self.index_page.locale_id
        default_id = default_locale().pk
        available = Q(document__isnull=False) | ~Q(url="")
        if locale_id == default_id:
            return Resource.objects.filter(available, locale_id=locale_id)
        translated_here = Resource.objects.filter(locale_id=locale_id).values("translation_key")
        return Resource.objects.filter(available).filter(
            Q(locale_id=locale_id)
            | (Q(locale_id=default_id) & ~Q(translation_key__in=translated_here))
        )

    def run(self):
        locale_id = self.index_page.locale_id
        labels = theme_labels(locale_id)
        kind_labels = dict(Resource.Kind.choices)
        language_labels = dict(Resource._meta.get_field("language").choices)
        kinds = _known(self.kinds, kind_labels)
        languages = _known(self.languages, language_labels)
        themes = _known(self.themes, labels)

        base = self.base_queryset()
        ids, degraded = None, False
        if self.query:
            default_id = default_locale().pk
            outcome = search_ids(
                Resource.objects.filter(locale_id__in=list({locale_id, default_id})),
                self.query,
                exact=False,
            )
            ids, degraded = outcome.ids, outcome.degraded
            base = base.filter(pk__in=ids)

        theme_through = Resource.themes.through
        by_kind = Q(kind__in=kinds) if kinds else Q()
        by_language = Q(language__in=languages) if languages else Q()
        by_theme = (
            _in_through(theme_through, "resource_id", "theme__slug", themes) if themes else Q()
        )
        results = base.filter(by_kind, by_language, by_theme)

        def simple_counts(name, queryset):
            return {
                row[name]: row["n"]
                for row in queryset.order_by().values(name).annotate(n=Count("pk"))
            }

        kind_counts = simple_counts("kind", base.filter(by_language, by_theme))
        language_counts = simple_counts("language", base.filter(by_kind, by_theme))
        theme_counts = _count(
            theme_through, "resource_id", "theme__slug", base.filter(by_kind, by_language)
        )

        facets = [
            FacetGroup(
                "type",
                _("Type"),
                [
                    Option(value, label, kind_counts.get(value, 0), value in kinds)
                    for value, label in Resource.Kind.choices
                ],
            ),
            FacetGroup(
                "language",
                _("Language"),
                [
                    Option(value, label, language_counts.get(value, 0), value in languages)
                    for value, label in language_labels.items()
                ],
            ),
            FacetGroup(
                "theme",
                _("Topic"),
                [
                    Option(slug, label, theme_counts.get(slug, 0), slug in themes)
                    for slug, label in sorted(labels.items(), key=lambda item: item[1].lower())
                ],
            ),
        ]
        active = (
            [("type", value, kind_labels[value]) for value in kinds]
            + [("language", value, language_labels[value]) for value in languages]
            + [("theme", slug, labels[slug]) for slug in themes]
        )

        sort, sorts = _sort(self.sort, self.query, RESOURCE_SORTS)
        if sort == "relevance":
            ordered = _order_by_relevance(results, ids)
        else:
            ordered = list(results.order_by(*RESOURCE_ORDERINGS[sort]).values_list("pk", flat=True))
        paginator = Paginator(ordered, RESOURCE_PAGE_SIZE)
        page = paginator.get_page(self.page_number)
        page.object_list = self._load(page.object_list, labels)
        return Listing(
            query=self.query,
            sort=sort,
            sorts=sorts,
            facets=facets,
            active=active,
            page=page,
            paginator=paginator,
            degraded=degraded,
        )

    def _load(self, pks, labels):
        pks = list(pks)
        if not pks:
            return []
        resources = {
            r.pk: r
            for r in Resource.objects.filter(pk__in=pks)
            .select_related("document")
            .prefetch_related("themes")
        }
        ordered = [resources[pk] for pk in pks if pk in resources]
        for resource in ordered:
            resource.theme_labels = [labels.get(t.slug, t.name) for t in resource.themes.all()]
        return ordered
