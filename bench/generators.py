"""Generate many realistic projects quickly, for benchmarks and the engine tests.

Benchmark code, not part of the site. Rows are written with bulk inserts (pages, project rows,
theme and campus links) and indexed in batches, rather than one ``add_child``/``publish`` per
project, which would take minutes at 100,000. Only public APIs: the tree paths are built from
treebeard's documented ``MP_Node.alphabet`` and ``steplen`` (as ``add_child`` would number
the children), page rows go in with ``bulk_create``, and the project rows that extend them
(``bulk_create`` cannot write a multi-table child) with one ``executemany`` per batch,
their values prepared by each field's ``get_db_prep_save``.
"""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends

from hub.cache import bump_content_version
from hub.models import Campus, Theme, Unit
from projects.facets import bump_version
from projects.models import ProjectIndexPage, ProjectPage

TOPICS = [
    "wellbeing",
    "feedback",
    "survey",
    "attainment",
    "accessibility",
    "curriculum",
    "society",
    "committee",
    "placement",
    "employability",
    "mentoring",
    "induction",
    "timetable",
    "library",
    "assessment",
    "belonging",
    "commuter",
    "international",
    "digital",
    "sustainability",
    "housing",
    "finance",
    "careers",
    "representation",
    "recognition",
    "analytics",
    "volunteering",
    "disability",
    "language",
    "sport",
]
FORMATS = [
    "poll",
    "review",
    "pilot",
    "scheme",
    "network",
    "workshop",
    "toolkit",
    "audit",
    "forum",
    "campaign",
    "panel",
    "project",
    "partnership",
    "programme",
    "study",
]
AUDIENCES = [
    "first-year students",
    "apprentices",
    "part-time learners",
    "postgraduates",
    "student reps",
    "society committees",
    "mature students",
    "care leavers",
    "student parents",
    "online learners",
]


def _sentence(rng):
    return (
        f"A {rng.choice(FORMATS)} on {rng.choice(TOPICS)} and {rng.choice(TOPICS)} "
        f"for {rng.choice(AUDIENCES)}, run with the union."
    )


def _path_step(position):
    """Treebeard's path step for the ``position``-th child (1-based), as ``add_child`` writes it."""
    alphabet, width = Page.alphabet, Page.steplen
    digits = ""
    while position:
        position, digit = divmod(position, len(alphabet))
        digits = alphabet[digit] + digits
    if len(digits) > width:
        raise ValueError("the registry has more children than its tree paths can number")
    return digits.rjust(width, alphabet[0])


def _last_position(parent):
    """How many child positions of ``parent`` are taken (the last child's path step)."""
    last = parent.get_last_child()
    if last is None:
        return 0
    position = 0
    for char in last.path[-Page.steplen :]:
        position = position * len(Page.alphabet) + Page.alphabet.index(char)
    return position


def _insert_child_rows(model, objects):
    """INSERT the rows of ``model``'s own table for parents that exist already."""
    fields = model._meta.local_concrete_fields
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def generate(
    count, *, seed=1, locale=None, index_page=None, batch_size=1000, stdout=None, index=True
):
    """Create ``count`` published projects under the registry; return the number created.

    ``index=False`` leaves the search backends' indexes alone (a benchmark that bulk indexes
    into an engine itself and never searches the database skips most of the work).
    """
    rng = random.Random(seed)
    locale = locale or Locale.get_default()
    index_page = index_page or ProjectIndexPage.objects.filter(locale=locale).first()
    if index_page is None:
        raise ValueError("There is no project registry page; run load_demo first.")
    themes = list(Theme.objects.filter(locale=locale))
    units = list(Unit.objects.filter(locale=locale))
    campuses = list(Campus.objects.filter(locale=locale))
    if not (themes and units and campuses):
        raise ValueError("Themes, units and campuses are needed; run load_demo first.")
    content_type = ContentType.objects.get_for_model(ProjectPage)
    statuses = [s for s, _l in ProjectPage.Status.choices]
    stages = [s for s, _l in ProjectPage.Stage.choices]
    now = timezone.now()
    created = 0
    while created < count:
        size = min(batch_size, count - created)
        with transaction.atomic():
            index_page = ProjectIndexPage.objects.select_for_update().get(pk=index_page.pk)
            position = _last_position(index_page)
            pages = []
            for offset in range(1, size + 1):
                topic, fmt = rng.choice(TOPICS), rng.choice(FORMATS)
                title = f"{topic.capitalize()} {fmt} {position + offset}"
                slug = slugify(title)
                published = now - timezone.timedelta(minutes=rng.randint(0, 2_000_000))
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=index_page.path + _path_step(position + offset),
                        depth=index_page.depth + 1,
                        numchild=0,
                        url_path=f"{index_page.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                        first_published_at=published,
                        last_published_at=published + timezone.timedelta(days=rng.randint(0, 90)),
                    )
                )
            Page.objects.bulk_create(pages)
            pages = list(Page.objects.filter(path__in=[p.path for p in pages]).only("pk", "path"))
            projects = []
            for page in pages:
                status = rng.choice(statuses)
                projects.append(
                    ProjectPage(
                        page_ptr_id=page.pk,
                        summary=_sentence(rng),
                        description=[("paragraph", f"<p>{_sentence(rng)} {_sentence(rng)}</p>")],
                        status=status,
                        stage=rng.choice(stages),
                        lead_unit_id=rng.choice(units).pk,
                        open_to_officers=status in {"proposed", "active"} and rng.random() < 0.8,
                        how_officers_can_help=_sentence(rng),
                        outcomes=_sentence(rng) if status != "proposed" else "",
                        last_confirmed_at=now - timezone.timedelta(days=rng.randint(0, 400)),
                    )
                )
            _insert_child_rows(ProjectPage, projects)
            theme_links, campus_links = [], []
            for project in projects:
                for theme in rng.sample(themes, rng.randint(1, 3)):
                    theme_links.append(
                        ProjectPage.themes.through(
                            projectpage_id=project.page_ptr_id, theme_id=theme.pk
                        )
                    )
                for campus in rng.sample(campuses, rng.randint(1, 2)):
                    campus_links.append(
                        ProjectPage.campuses.through(
                            projectpage_id=project.page_ptr_id, campus_id=campus.pk
                        )
                    )
            ProjectPage.themes.through.objects.bulk_create(theme_links)
            ProjectPage.campuses.through.objects.bulk_create(campus_links)
            Page.objects.filter(pk=index_page.pk).update(numchild=position + size)
        if index:
            objs = list(
                ProjectPage.objects.filter(pk__in=[p.pk for p in pages])
                .select_related("lead_unit")
                .prefetch_related("themes")
            )
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(ProjectPage, objs)
        created += size
        if stdout is not None:
            stdout.write(f"  {created}/{count} projects")
    bump_version()
    bump_content_version()  # bulk-created pages send no publish signals
    return created
