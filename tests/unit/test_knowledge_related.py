"""Related guidance and related projects: editors' picks first, suggestions by theme after."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from knowledge.models import GuidelineRelatedGuidance, GuidelineRelatedProject
from tests.factories import make_guidance_index, make_guideline, make_project, make_theme


@pytest.fixture
def guidance(home):
    return make_guidance_index(home)


def pick(page, *guidelines, projects=()):
    page.related_guidance_links = [GuidelineRelatedGuidance(guideline=g) for g in guidelines]
    page.related_project_links = [GuidelineRelatedProject(project=p) for p in projects]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def titles(pages):
    return [page.title for page in pages]


def test_picks_come_first_then_suggestions_by_shared_themes(guidance, taxonomy):
    t = taxonomy["themes"]
    page = make_guideline(guidance, title="Main", themes=[t["wellbeing"], t["feedback"]])
    both = make_guideline(guidance, title="Shares two", themes=[t["wellbeing"], t["feedback"]])
    one = make_guideline(guidance, title="Shares one", themes=[t["feedback"]])
    picked = make_guideline(guidance, title="Picked", themes=[t["accessibility"]])
    make_guideline(guidance, title="Unrelated", themes=[t["accessibility"]])
    page = pick(page, picked)
    assert titles(page.get_related_guidance()) == ["Picked", "Shares two", "Shares one"]
    assert both.pk != one.pk


def test_no_duplicates_no_self_and_suggestions_skip_picks(guidance, taxonomy):
    t = taxonomy["themes"]
    page = make_guideline(guidance, title="Main", themes=[t["wellbeing"]])
    a = make_guideline(guidance, title="A", themes=[t["wellbeing"]])
    b = make_guideline(guidance, title="B", themes=[t["wellbeing"]])
    # Picked twice, the page itself picked, and picks that also share themes.
    page = pick(page, a, a, page, b)
    related = page.get_related_guidance()
    assert titles(related) == ["A", "B"]
    assert len({g.pk for g in related}) == len(related)
    assert page.pk not in {g.pk for g in related}


def test_unpublished_picks_are_hidden_and_limit_applies(guidance, taxonomy):
    t = taxonomy["themes"]
    page = make_guideline(guidance, title="Main", themes=[t["wellbeing"]])
    hidden = make_guideline(guidance, title="Hidden", themes=[t["wellbeing"]])
    others = [
        make_guideline(guidance, title=f"Other {n}", themes=[t["wellbeing"]]) for n in range(6)
    ]
    page = pick(page, hidden)
    hidden.unpublish()
    related = page.get_related_guidance(limit=4)
    assert "Hidden" not in titles(related)
    assert len(related) == 4
    assert set(titles(related)) <= {o.title for o in others}


def test_a_guideline_without_themes_or_picks_has_no_related_guidance(client, guidance):
    page = make_guideline(guidance)
    make_guideline(guidance)
    assert page.get_related_guidance() == []
    assert "Related guidance" not in client.get(page.url).content.decode()


def test_related_projects_picked_then_suggested_without_duplicates(guidance, registry, taxonomy):
    t = taxonomy["themes"]
    page = make_guideline(guidance, title="Main", themes=[t["wellbeing"]])
    chosen = make_project(registry, title="Chosen", themes=[t["accessibility"]])
    sharing = make_project(registry, title="Sharing", themes=[t["wellbeing"]])
    also = make_project(registry, title="Also sharing", themes=[t["wellbeing"]])
    make_project(registry, title="Unrelated", themes=[t["feedback"]])
    page = pick(page, projects=[chosen, sharing, chosen])
    related = page.get_related_projects()
    assert titles(related) == ["Chosen", "Sharing", "Also sharing"]
    assert also.pk in {p.pk for p in related}


def test_related_sections_render(client, guidance, registry, taxonomy):
    t = taxonomy["themes"]
    page = make_guideline(guidance, title="Main", themes=[t["wellbeing"]])
    make_guideline(guidance, title="Sibling", themes=[t["wellbeing"]])
    make_project(registry, title="Wellbeing poll", themes=[t["wellbeing"]])
    html = client.get(page.url).content.decode()
    assert 'id="related-guidance-heading"' in html and "Sibling" in html
    assert 'id="related-projects-heading"' in html and "Wellbeing poll" in html


def test_picks_show_in_the_pages_language(guidance, taxonomy):
    """Translations carry the source's picks; readers see the picks' translations."""
    german = Locale.objects.get(language_code="de")
    t = taxonomy["themes"]
    page = make_guideline(guidance, title="Main", themes=[t["wellbeing"]])
    other = make_guideline(guidance, title="Other", themes=[t["accessibility"]])
    page = pick(page, other)

    guidance.get_parent().copy_for_translation(german)
    guidance_de = guidance.copy_for_translation(german)
    guidance_de.save_revision().publish()
    other_de = other.copy_for_translation(german)
    other_de.title = "Andere"
    other_de.save_revision().publish()
    page_de = page.copy_for_translation(german)
    page_de.save_revision().publish()

    related = page_de.get_related_guidance()
    assert titles(related) == ["Andere"]
    assert related[0].locale_id == german.pk


def test_query_count_does_not_grow_with_related_items(client, guidance, registry):
    def render_with(n):
        theme = make_theme(f"theme-{n}")
        page = make_guideline(guidance, title=f"Main {n}", themes=[theme])
        picks = [make_guideline(guidance, themes=[theme]) for _ in range(n)]
        projects = [make_project(registry, themes=[theme]) for _ in range(n)]
        pick(page, *picks, projects=projects)
        client.get(page.url)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.status_code == 200
        return len(queries)

    # Both below the limit of four, so suggestions are looked up in both cases.
    assert render_with(1) == render_with(3)


def test_private_guidance_and_projects_are_left_out_and_looked_up_once(
    guidance, registry, taxonomy
):
    from wagtail.models import PageViewRestriction

    t = taxonomy["themes"]
    page = make_guideline(guidance, title="Main", themes=[t["wellbeing"]])
    public = make_guideline(guidance, title="Public", themes=[t["wellbeing"]])
    private = make_guideline(guidance, title="Private", themes=[t["wellbeing"]])
    hidden_pick = make_guideline(guidance, title="Private pick", themes=[t["accessibility"]])
    open_project = make_project(registry, themes=[t["wellbeing"]])
    closed_project = make_project(registry, themes=[t["wellbeing"]])
    for restricted in (private, hidden_pick, closed_project):
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.LOGIN
        )
    page = pick(page, hidden_pick, public)
    page = type(page).objects.get(pk=page.pk)  # relations from the database, as when served

    with CaptureQueriesContext(connection) as queries:
        guidance_titles = titles(page.get_related_guidance())
        project_pks = {project.pk for project in page.get_related_projects()}
    assert guidance_titles == ["Public"]
    assert open_project.pk in project_pks
    assert closed_project.pk not in project_pks
    lookups = [q for q in queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]]
    assert len(lookups) == 1  # one look-up of the private sections serves both lists
