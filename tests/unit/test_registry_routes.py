"""The registry's own pages as routes of the registry page: reserved slugs, addresses in every
language, and what the page cache keeps of them."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation
from wagtail.contrib.routable_page.models import path
from wagtail.models import Locale

from hub.cache import bump_content_version
from projects.models import ProjectIndexPage
from projects.registration import unique_slug
from projects.routes import NoRegistry, registry_url, route_slugs
from tests.factories import make_project

# The first path segments of the registry's routes (projects.page_urls and its own @path).
RESERVED_SLUGS = {"register", "mine", "requests", "manage", "alerts", "export", "feed"}


def test_reserved_slugs_are_the_first_segments_of_the_routes():
    assert route_slugs(ProjectIndexPage) == RESERVED_SLUGS
    names = {route.name for route in ProjectIndexPage.get_subpage_urls()}
    assert {"mine", "manage", "remove-member", "unsubscribe", "feed"} <= names


def test_a_new_route_reserves_its_slug_by_itself():
    class RegistryWithMore(ProjectIndexPage):
        @path("calendar/<id:pk>/", name="calendar")
        def calendar_route(self, request, pk):
            return None

        class Meta:
            abstract = True
            app_label = "projects"

    assert route_slugs(RegistryWithMore) == RESERVED_SLUGS | {"calendar"}


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_no_project_takes_a_routes_slug(registry, slug):
    project = make_project(registry, title="Some project")
    project.slug = slug
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "slug" in error.value.message_dict
    assert unique_slug(registry, slug) == f"{slug}-2"


@translation.override("en")
def test_addresses_are_the_registry_pages_own(registry):
    assert registry_url("mine") == "/en/projects/mine/"
    assert registry_url("remove-member", 4, 7) == "/en/projects/manage/4/members/7/remove/"
    assert registry_url("unsubscribe", "a:b-c") == "/en/projects/alerts/unsubscribe/a:b-c/"
    assert registry_url("mine", language="fr") == "/fr/projects/mine/"  # no French tree


def test_a_translated_registry_gives_its_own_slug(home, registry):
    german = Locale.objects.get(language_code="de")
    home.copy_for_translation(german).save_revision().publish()
    german_registry = registry.copy_for_translation(german)
    german_registry.slug = "projekte"
    german_registry.save_revision().publish()
    assert registry_url("mine", language="de") == "/de/projekte/mine/"
    with translation.override("de"):
        assert registry_url("manage", 5) == "/de/projekte/manage/5/"
    assert registry_url("mine", language="en") == "/en/projects/mine/"


def test_one_query_at_most_then_none(registry, django_assert_max_num_queries):
    registry_url("mine", language="en")  # Wagtail's site paths are in the cache now
    bump_content_version()
    with django_assert_max_num_queries(1):
        registry_url("request", 3, language="fr")
    with django_assert_max_num_queries(0):
        registry_url("mine", language="en")
        registry_url("manage", 3, language="de")


def test_without_a_registry_there_is_no_address(registry):
    assert registry_url("mine", language="en") == "/en/projects/mine/"
    registry.unpublish()
    with pytest.raises(NoRegistry):
        registry_url("mine", language="en")
    tag = Template("{% load projects_tags %}[{% registry_url 'mine' %}]")
    assert tag.render(Context({})) == "[]"


def test_the_template_tag_and_a_wrong_name(registry):
    with translation.override("en"):
        tag = Template("{% load projects_tags %}{% registry_url 'manage' 12 %}")
        assert tag.render(Context({})) == "/en/projects/manage/12/"
        with pytest.raises(Exception, match="no-such-route"):
            Template("{% load projects_tags %}{% registry_url 'no-such-route' %}").render(
                Context({})
            )


# --- The page cache -------------------------------------------------------------------------


@pytest.mark.cache
@override_settings(PAGE_CACHE_SECONDS=300)
def test_my_projects_is_never_kept_in_the_page_cache(client, registry, people):
    for _attempt in range(2):
        response = client.get("/en/projects/mine/")
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=/en/projects/mine/")
        assert "X-Page-Cache" not in response
    client.force_login(people["officer"])
    for _attempt in range(2):
        response = client.get("/en/projects/mine/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-cache" in response["Cache-Control"]
    client.logout()
    assert client.get("/en/projects/mine/").status_code == 302  # not the officer's page


@pytest.mark.cache
@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_registry_itself_is_still_kept(client, registry):
    assert client.get("/en/projects/")["X-Page-Cache"] == "miss"
    assert client.get("/en/projects/")["X-Page-Cache"] == "hit"
