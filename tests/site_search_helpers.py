"""Pages that the site-search tests look for: three projects and an index page about wellbeing."""

from projects.models import ProjectIndexPage
from tests.factories import make_page, make_project


def search_pages(home, registry, taxonomy):
    t = taxonomy["themes"]
    return {
        "poll": make_project(
            registry,
            title="Monthly wellbeing poll",
            summary="A short poll each month on how students are coping with their studies.",
            themes=[t["wellbeing"], t["feedback"]],
        ),
        "ramps": make_project(
            registry,
            title="Step-free access audit",
            summary="Checking lecture rooms for step-free routes and wellbeing spaces.",
            themes=[t["accessibility"]],
        ),
        "survey": make_project(
            registry,
            title="End of module survey",
            summary="Course feedback collected in the last week of each module.",
            description=[("paragraph", "<p>Results feed the <b>wellbeing</b> review too.</p>")],
            themes=[t["feedback"]],
        ),
        "about": make_page(
            home,
            ProjectIndexPage,
            title="Wellbeing at a glance",
            slug="wellbeing-glance",
            intro="How the union and the college look after student wellbeing together.",
        ),
    }
