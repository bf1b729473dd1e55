"""Page routes declared beside their views (hub.page_routes): served, reversed and checked
like Wagtail's own @path methods."""

import pytest
from django.views.decorators.csrf import csrf_exempt

from hub.page_routes import ViewRoutesMixin, check_view_routes, page_path, pages_without_routes
from induction.models import InductionIndexPage, TrainingModulePage
from knowledge.models import GuidelinePage, KnowledgeIndexPage
from projects.models import ProjectIndexPage


def test_every_routable_page_got_its_routes():
    assert check_view_routes() == []
    assert pages_without_routes([InductionIndexPage, TrainingModulePage, GuidelinePage]) == []


def test_a_page_class_given_no_routes_is_reported():
    class Forgotten(ViewRoutesMixin):
        pass

    assert pages_without_routes([Forgotten, KnowledgeIndexPage]) == [Forgotten]


def test_declared_routes_come_before_the_default_index_route():
    names = [route.name for route in InductionIndexPage.get_subpage_urls()]
    assert names[0] == "index_route"
    assert names.count("index_route") == 2  # ours, then RoutablePageMixin's own (never reached)
    assert InductionIndexPage.get_resolver().resolve("/").func.__name__ == "hub_index"


def test_a_route_calls_its_view_with_the_request_then_the_page():
    calls = []

    @csrf_exempt
    def view(request, page, pk):
        calls.append((request, page, pk))
        return "answer"

    pattern = page_path("things/<int:pk>/", view, name="thing")
    match = pattern.resolve("things/7/")
    assert match.func(page := object(), request := object(), **match.kwargs) == "answer"
    assert calls == [(request, page, 7)]
    assert match.func.csrf_exempt is True and match.url_name == "thing"


def test_routes_are_reversed_by_name(registry):
    assert registry.reverse_subpage("manage", args=[12]) == "manage/12/"
    assert ProjectIndexPage.get_resolver().resolve("/mine/").url_name == "mine"


def test_only_pages_that_take_view_routes_can_be_given_them():
    from hub.page_routes import routes

    with pytest.raises(TypeError):
        routes(KnowledgeIndexPage, [])
