"""Wagtail's reference index ("used by" in the admin) covers the site's pages and snippets.

The suite keeps the index up to date on each save only in tests marked ``reference_index``
(tests/conftest.py); these are the tests that show saving and rebuilding it works for every
page type and snippet of the site, and that the admin's usage listing finds real links.
"""

import pytest
from django.core.management import call_command
from wagtail.models import ReferenceIndex

from knowledge.models import GuidelineRelatedProject, GuidelineResourceLink
from tests.factories import make_project
from tests.factories.induction import build_induction
from tests.factories.knowledge import make_guidance_index, make_guideline, make_resource

pytestmark = pytest.mark.reference_index


@pytest.fixture
def linked(home, registry, taxonomy):
    project = make_project(registry, title="Course reps", slug="course-reps")
    resource = make_resource(title="Meeting template")
    guideline = make_guideline(make_guidance_index(home), title="Running a partnership meeting")
    guideline.resource_links = [GuidelineResourceLink(resource=resource)]
    guideline.related_project_links = [GuidelineRelatedProject(project=project)]
    guideline.save_revision().publish()
    build_induction(home)
    return {"project": project, "resource": resource, "guideline": guideline}


def _users_of(instance):
    return {
        (reference.content_type.model_class(), int(reference.object_id))
        for reference in ReferenceIndex.get_references_to(instance)
    }


def test_saving_keeps_the_reference_index_up_to_date(linked):
    guideline = linked["guideline"]
    assert (type(guideline), guideline.pk) in _users_of(linked["resource"])
    assert (type(guideline), guideline.pk) in _users_of(linked["project"])
    document = linked["resource"].document
    assert (type(linked["resource"]), linked["resource"].pk) in _users_of(document)


def test_every_page_type_and_snippet_of_the_site_can_be_reindexed(linked):
    before = set(ReferenceIndex.objects.values_list("content_type", "object_id", "to_object_id"))
    ReferenceIndex.objects.all().delete()
    call_command("rebuild_references_index", verbosity=0)
    after = set(ReferenceIndex.objects.values_list("content_type", "object_id", "to_object_id"))
    assert after == before
    assert before  # the guideline's resources and project, the resources' documents


def test_the_admin_lists_where_a_resource_is_used(linked, client):
    from tests.factories import make_user

    admin = make_user("usage-admin@example.org", is_superuser=True)
    client.force_login(admin)
    resource = linked["resource"]
    response = client.get(f"/admin/snippets/knowledge/resource/usage/{resource.pk}/")
    assert response.status_code == 200, response.status_code
    assert "Running a partnership meeting" in response.content.decode()
