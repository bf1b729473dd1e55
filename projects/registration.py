"""Registering and editing projects from the front end, and the duplicate check.

A registration creates the project as a draft under the registry of the registrant's
language, owned by them and led by them, and submits it to the index page's workflow
("Project review"): a moderator approves (publishes) it or asks for changes. Edits by people
who cannot publish go through the same workflow; the live page stays as it was meanwhile.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from hub.cache import bump_content_version
from projects.facets import bump_version
from projects.models import ProjectPage, ProjectRegistration
from projects.permissions import can_publish_project
from projects.routes import route_slugs
from projects.text import text_to_stream
from search.service import plain_words, search_ids

SIMILAR_LIMIT = 5
MAX_SIMILAR_QUERY = 200
CONTENT_FIELDS = (
    "title",
    "summary",
    "status",
    "stage",
    "lead_unit",
    "start_date",
    "end_date",
    "union_contact",
    "open_to_officers",
    "how_officers_can_help",
    "outcomes",
    "stopped_reason",
)


def similarity_query(title, summary):
    """The words of the title, then the summary, without short words, within the length cap."""
    words, length = [], 0
    for word in plain_words(f"{title} {summary}").split():
        if len(word) < 3 or word.casefold() in {w.casefold() for w in words}:
            continue
        if length + len(word) + 1 > MAX_SIMILAR_QUERY:
            break
        words.append(word)
        length += len(word) + 1
    return " ".join(words)


def similar_projects(locale, title, summary, limit=SIMILAR_LIMIT):
    """Published, running projects (proposed or active) in ``locale`` most like the given
    title and summary, best first: the ones a new registrant could join or build on.

    Any word may match (OR), so a partly overlapping project still surfaces; the search
    backend ranks those sharing more, and rarer, words first.
    """
    query = similarity_query(title, summary)
    if not query:
        return []
    candidates = (
        ProjectPage.objects.live()
        .public()
        .filter(locale_id=locale.pk, status__in=ProjectPage.JOINABLE_STATUSES)
    )
    outcome = search_ids(candidates, query, operator="or", limit=limit)
    found = {
        page.pk: page
        for page in ProjectPage.objects.filter(pk__in=outcome.ids)
        .select_related("lead_unit")
        .defer_streamfields()
    }
    return [found[pk] for pk in outcome.ids if pk in found]


def _title_words(text):
    return {word.casefold()[:6] for word in plain_words(text).split() if len(word) >= 4}


def similar_waiting_for_review(locale, title, *, exclude_owner=None):
    """How many unpublished projects waiting for review in ``locale`` have a title like
    ``title`` (sharing at least half of its words of four letters or more, compared by their
    first six letters). Only the number is given: a draft's content is for its owner and
    moderators, so the registrant learns that a similar project is coming, not what it says.
    """
    words = _title_words(title)
    if not words:
        return 0
    drafts = list(
        ProjectPage.objects.not_live()
        .filter(locale_id=locale.pk)
        .exclude(owner=exclude_owner)
        .only("pk", "title", "content_type_id")
    )
    states = moderation_states(drafts)
    needed = max(1, (len(words) + 1) // 2)
    return sum(
        1
        for page in drafts
        if states.get(page.pk, ("", ""))[0] == "in_review"
        and len(words & _title_words(page.title)) >= needed
    )


def unique_slug(parent, title):
    base = slugify(title, allow_unicode=True)[:70].strip("-") or "project"
    taken = set(parent.get_children().values_list("slug", flat=True))
    taken |= route_slugs(parent.specific_class)  # a project there would hide behind a route
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def apply_content(page, data):
    """Copy a :class:`~projects.forms.ProjectForm`'s cleaned data onto ``page``."""
    for name in CONTENT_FIELDS:
        if name in data:
            setattr(page, name, data[name])
    if "description" in data:
        page.description = text_to_stream(data["description"])
    page.themes = list(data.get("themes") or [])
    page.campuses = list(data.get("campuses") or [])


def submit_for_review(page, user):
    """Put the page's latest revision in front of moderators; returns what happened."""
    state = WorkflowState.objects.active().for_instance(page).select_related("workflow").first()
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
            return "resubmitted"
        return "in_review"
    workflow = page.get_workflow()
    if workflow is None:
        return "draft"
    workflow.start(page, user)
    return "submitted"


def withdraw_from_review(project, user):
    """Take the version in review back, so its author can change it before a moderator
    decides; saving it again sends it for review afresh. Returns False when nothing was in
    review (already decided, or withdrawn in another tab)."""
    with transaction.atomic():
        state = (
            WorkflowState.objects.active()
            .for_instance(project)
            .select_for_update()
            .filter(status=WorkflowState.STATUS_IN_PROGRESS)
            .first()
        )
        if state is None:
            return False
        state.cancel(user=user)
    return True


@dataclass
class Registered:
    project: ProjectPage
    created: bool


def register_project(index_page, user, data):
    """Create the draft and submit it for review, once per form token."""
    token = data["token"]
    existing = ProjectRegistration.objects.filter(token=token).select_related("project").first()
    if existing is not None:
        return Registered(existing.project.specific, False)
    try:
        with transaction.atomic():
            page = ProjectPage(
                slug=unique_slug(index_page, data["title"]),
                locale=index_page.locale,
                owner=user,
                staff_lead=user,
                live=False,
                last_confirmed_at=timezone.now(),
            )
            apply_content(page, data)
            index_page.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
            ProjectRegistration.objects.create(token=token, user=user, project=page)
            submit_for_review(page, user)
    except IntegrityError:
        existing = ProjectRegistration.objects.filter(token=token).select_related("project").first()
        if existing is None:
            raise
        return Registered(existing.project.specific, False)
    return Registered(page, True)


def save_edit(project, user, data):
    """Save an edit as a new revision: published at once by publishers, else reviewed."""
    with transaction.atomic():
        draft = project.get_latest_revision_as_object()
        apply_content(draft, data)
        revision = draft.save_revision(user=user, log_action=True)
        if can_publish_project(user, project):
            revision.publish(user=user, log_action=True)
            return "published"
        return submit_for_review(project, user)


def confirm_still_current(project, user):
    """Record that the lead confirms the project is current (every language's copy)."""
    now = timezone.now()
    ProjectPage.objects.filter(translation_key=project.translation_key).update(
        last_confirmed_at=now
    )
    project.last_confirmed_at = now
    log(instance=project, action="projects.confirm_current", user=user)
    bump_version()
    bump_content_version()  # the page says when it was last confirmed
    return now


def moderation_state(project):
    """``(label_key, comment)`` for a project's review: see :func:`moderation_states`."""
    return moderation_states([project]).get(project.pk, ("published", ""))


def moderation_states(projects):
    """For each project: where it stands in review, and the moderator's comment if any.

    Keys: ``in_review``, ``changes_requested``, ``draft`` (never submitted, or withdrawn),
    ``published`` (live, nothing pending), ``published_with_draft``. One query for all.
    """
    projects = list(projects)
    if not projects:
        return {}
    base_type = projects[0].get_base_content_type()
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(base_content_type=base_type, object_id__in=[str(p.pk) for p in projects])
        .select_related("current_task_state")
    }
    result = {}
    for project in projects:
        state = states.get(project.pk)
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            comment = state.current_task_state.comment if state.current_task_state else ""
            result[project.pk] = ("changes_requested", comment)
        elif state is not None:
            result[project.pk] = ("in_review", "")
        elif not project.live:
            result[project.pk] = ("draft", "")
        elif project.has_unpublished_changes:
            result[project.pk] = ("published_with_draft", "")
        else:
            result[project.pk] = ("published", "")
    return result
