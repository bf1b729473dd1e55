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

Anything else is answered by Wagtail as before: a bad parameter is a 400 with a message.
"""

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.urls import path
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from hub.inputs import parse_id, parse_int
from search import service

API_SEARCH_LIMIT = 1000
MAX_OFFSET = 1_000_000


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


def _searching_through_the_service(backends):
    # Wagtail's SearchFilter must stay last (search results cannot be filtered further).
    return [ServiceSearchFilter if backend is SearchFilter else backend for backend in backends]


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


class PagesEndpoint(CheckedInputsMixin, PagesAPIViewSet):
    filter_backends = _searching_through_the_service(PagesAPIViewSet.filter_backends)


class ImagesEndpoint(CheckedInputsMixin, ImagesAPIViewSet):
    filter_backends = _searching_through_the_service(ImagesAPIViewSet.filter_backends)


class DocumentsEndpoint(CheckedInputsMixin, DocumentsAPIViewSet):
    filter_backends = _searching_through_the_service(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
