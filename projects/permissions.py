"""Who may do what in the registry: one place, built on Wagtail's page permissions.

Roles (Django groups): Staff register projects and edit their own; Officers ask to join;
Moderators approve projects and may read join requests; Editors edit and publish any page.
A project's *leads* (its staff lead and union contact) answer join requests and manage its
members. Superusers may do everything.

A right over one's own project or data is plain. A power a role gives over other people's
projects (publishing, asking for changes, editing or seeing someone else's project, reading
their requests, a superuser standing in for a lead) goes through
:func:`hub.twofactor.privileged`: it is granted only to a session confirmed with a second
factor when two-factor is required. Each check returns a :class:`hub.twofactor.Access`, true
when allowed, which says when only that confirmation is missing.
"""

from hub.twofactor import ALLOWED, DENIED, any_of, privileged

STAFF = "Staff"
OFFICERS = "Officers"
MODERATORS = "Moderators"


def _signed_in(user):
    return user is not None and user.is_authenticated and user.is_active


def can_register(user, index_page):
    """Create projects under ``index_page`` (Wagtail's "add" permission there)."""
    return _signed_in(user) and index_page.permissions_for_user(user).can_add_subpage()


def can_edit_project(user, project):
    """Change a project's content: its owner (Staff), its staff lead, moderators, editors."""
    if not _signed_in(user):
        return DENIED
    page_rights = project.permissions_for_user(user)
    if project.owner_id == user.pk and page_rights.can_edit():
        return ALLOWED
    if project.staff_lead_id == user.pk and user.in_group(STAFF):
        return ALLOWED
    return privileged(user, page_rights.can_edit())


def can_publish_project(user, project):
    """Publish without review: moderators and editors."""
    if not _signed_in(user):
        return DENIED
    return privileged(user, project.permissions_for_user(user).can_publish())


def can_review_project(user, available_actions):
    """Approve or send back through the review task (its actions for ``user``)."""
    return privileged(user, bool(available_actions))


def is_lead(user, project):
    """Whether ``user`` answers join requests for ``project`` (pass the canonical page)."""
    return _signed_in(user) and user.pk in project.lead_ids


def can_lead(user, project):
    """Act as a lead (answer requests, remove members): the leads, or a superuser."""
    if not _signed_in(user):
        return DENIED
    return any_of(is_lead(user, project), privileged(user, user.is_superuser))


def can_confirm_current(user, project):
    """Confirm the project is still current: its leads and the person who registered it."""
    return _signed_in(user) and (user.pk in project.lead_ids or project.owner_id == user.pk)


def can_view_dashboard(user, project, canonical=None):
    """See a project's draft, moderation state and team (not its requests' messages)."""
    if not _signed_in(user):
        return DENIED
    return any_of(
        is_lead(user, canonical or project),
        can_edit_project(user, project),
        privileged(user, user.in_group(MODERATORS)),
    )


def can_ask_to_join(user):
    return _signed_in(user) and user.in_group(OFFICERS)


def can_read_request(user, join_request):
    """A request's message is for the officer who wrote it, the project's leads, moderators."""
    if not _signed_in(user):
        return DENIED
    return any_of(
        join_request.officer_id == user.pk,
        is_lead(user, join_request.project),
        privileged(user, user.in_group(MODERATORS)),
    )


def can_decide_request(user, join_request):
    """Accept or decline: the project's leads (a superuser may stand in)."""
    return can_lead(user, join_request.project)
