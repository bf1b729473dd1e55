"""Wagtail's read-only content API at ``/api/v2/``, with its inputs checked.

The endpoints are Wagtail's, extended in three places through their public hooks:

* ``?search=`` goes through the search service (:func:`search.service.search_ids`) like every
  other search on the site: the query is cleaned of search syntax and control characters,
  an unreachable engine falls back to the database, and the best ``API_SEARCH_LIMIT``
  matches are listed in relevance order (or in ``?order=``'s order). Wagtail's own filter
  hands the raw string to the backend, where a lone ``"`` was an SQL error.
* ``?offset=`` and ``?limit=`` must be ASCII digits within bounds (an offset beyond 2⁶³ was an
  overflow on SQLite).
* ``<id>/`` and ``find/?id=`` take database ids only (``hub.inputs``).

and it adds what the site needs of it:

* Page models list their public fields in ``api_fields`` and, in ``api_options``, their facet
  filters by slug (``?type=projects.ProjectPage&theme=wellbeing``: any of the given values,
  repeated or comma-separated) and what a listing loads with it (no query per page).
* A field filter with a value the field cannot hold (``?start_date=soon``) is a 400, not a 500.
* ``html_url`` and ``detail_url`` are both built on ``WAGTAILAPI_BASE_URL`` (``BASE_URL``), so
  they agree on scheme, host and port whatever the ``Site`` record says.
* Documents: only those an anonymous reader may download, whoever asks (documents in a
  collection with a view restriction, or under one, are never listed).

Anything else is answered by Wagtail as before: a bad parameter is a 400 with a message.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import path
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Locale

from hub.inputs import parse_id, parse_int
from search import service

API_SEARCH_LIMIT = 1000
MAX_OFFSET = 1_000_000
MAX_FACET_VALUES = 20


def api_options(model):
    return getattr(model, "api_options", None) or {}


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?<field>=<value>`` filter, with a value the field cannot take a 400."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValueError, TypeError, ValidationError) as error:
            raise BadRequestError("field filter error: a value does not fit its field") from error


class CheckedLocaleFilter(LocaleFilter):
    """``?locale=``: a language the site has, or a 400 (Wagtail's answer was a 404 page)."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            raise BadRequestError("locale doesn't exist")
        return super().filter_queryset(request, queryset, view)


class FacetFilter:
    """The page type's facets by slug (``api_options["filters"]``): any of the values given."""

    def filter_queryset(self, request, queryset, view):
        for name, lookup in api_options(queryset.model).get("filters", {}).items():
            raw = [part for value in request.GET.getlist(name) for part in value.split(",")]
            values = list(dict.fromkeys(v.strip()[:100] for v in raw if v.strip()))
            if not values:
                continue
            if len(values) > MAX_FACET_VALUES:
                raise BadRequestError(f"{name} takes at most {MAX_FACET_VALUES} values")
            matching = queryset.model.objects.filter(**{f"{lookup}__in": values})
            queryset = queryset.filter(pk__in=matching.values("pk"))
        return queryset


class ServiceSearchFilter(SearchFilter):
    """``?search=`` through the site's search service (see the module's docstring)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator") or "and"
        if operator not in {"and", "or"}:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        outcome = service.search_ids(
            queryset, request.GET["search"], operator=operator, limit=API_SEARCH_LIMIT
        )
        found = queryset.filter(pk__in=outcome.ids)
        if "order" in request.GET or not outcome.ids:
            return found
        rank = Case(
            *(When(pk=pk, then=Value(position)) for position, pk in enumerate(outcome.ids)),
            output_field=IntegerField(),
        )
        return found.annotate(search_rank=rank).order_by("search_rank")


class BoundedPagination(WagtailPagination):
    """Wagtail's ``offset``/``limit`` pagination, with both checked as plain numbers."""

    def paginate_queryset(self, queryset, request, view=None):
        for name, maximum in (("offset", MAX_OFFSET), ("limit", settings.WAGTAILAPI_LIMIT_MAX)):
            raw = request.GET.get(name)
            if raw is not None and parse_int(raw, minimum=0, maximum=maximum) is None:
                raise BadRequestError(f"{name} must be a whole number from 0 to {maximum}")
        return super().paginate_queryset(queryset, request, view)


def _searching_through_the_service(backends, facets=False):
    # Wagtail's SearchFilter must stay last (search results cannot be filtered further).
    replaced = {
        SearchFilter: ServiceSearchFilter,
        FieldsFilter: CheckedFieldsFilter,
        LocaleFilter: CheckedLocaleFilter,
    }
    backends = [replaced.get(backend, backend) for backend in backends]
    if facets:
        backends.insert(backends.index(ServiceSearchFilter), FacetFilter)
    return backends


class CheckedInputsMixin:
    pagination_class = BoundedPagination

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<id:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
        ]

    def find_object(self, queryset, request):
        if "id" in request.GET and parse_id(request.GET["id"]) is None:
            return None  # not found
        return super().find_object(queryset, request)


class BaseUrlHtmlField(PageHtmlUrlField):
    """The page's address on ``WAGTAILAPI_BASE_URL``, like ``detail_url``."""

    def to_representation(self, page):
        parts = page.get_url_parts(self.context.get("request"))
        if parts is None:
            return None
        return get_full_url(self.context.get("request"), parts[2])


class HubPageSerializer(PageSerializer):
    html_url = BaseUrlHtmlField(read_only=True)


class PagesEndpoint(CheckedInputsMixin, PagesAPIViewSet):
    base_serializer_class = HubPageSerializer
    filter_backends = _searching_through_the_service(PagesAPIViewSet.filter_backends, facets=True)

    def get_queryset(self):
        queryset = super().get_queryset()
        options = api_options(queryset.model)
        queryset = queryset.select_related("locale", *options.get("select_related", ()))
        if options.get("prefetch_related"):
            queryset = queryset.prefetch_related(*options["prefetch_related"])
        return queryset

    def check_query_parameters(self, queryset):
        facets = api_options(queryset.model).get("filters", {})
        self.known_query_parameters = type(self).known_query_parameters.union(facets)
        return super().check_query_parameters(queryset)


class ImagesEndpoint(CheckedInputsMixin, ImagesAPIViewSet):
    filter_backends = _searching_through_the_service(ImagesAPIViewSet.filter_backends)


def restricted_collections_q():
    """Collections with a view restriction of any kind, and the collections under them."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).values_list("path", flat=True)
    condition = Q()
    for collection_path in paths:
        condition |= Q(path__startswith=collection_path)
    return condition


class DocumentsEndpoint(CheckedInputsMixin, DocumentsAPIViewSet):
    filter_backends = _searching_through_the_service(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        # Wagtail leaves out what the requester may not see; the API lists only what anyone
        # may download, so a signed-in editor's session does not change the answer.
        queryset = super().get_queryset()
        restricted = restricted_collections_q()
        if restricted:
            queryset = queryset.exclude(collection__in=Collection.objects.filter(restricted))
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
