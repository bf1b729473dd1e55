"""Who may do what in the registry: one place, built on Wagtail's page permissions.

Roles (Django groups): Staff register projects and edit their own; Officers ask to join;
Moderators approve projects and may read join requests; Editors edit and publish any page.
A project's *leads* (its staff lead and union contact) answer join requests and manage its
members. Superusers may do everything.
"""

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
        return False
    if project.permissions_for_user(user).can_edit():
        return True
    return project.staff_lead_id == user.pk and user.in_group(STAFF)


def can_publish_project(user, project):
    """Publish without review: moderators and editors."""
    return _signed_in(user) and project.permissions_for_user(user).can_publish()


def is_lead(user, project):
    """Whether ``user`` answers join requests for ``project`` (pass the canonical page)."""
    return _signed_in(user) and user.pk in project.lead_ids


def can_confirm_current(user, project):
    """Confirm the project is still current: its leads and the person who registered it."""
    return _signed_in(user) and (user.pk in project.lead_ids or project.owner_id == user.pk)


def can_view_dashboard(user, project, canonical=None):
    """See a project's draft, moderation state and team (not its requests' messages)."""
    if not _signed_in(user):
        return False
    return (
        can_edit_project(user, project)
        or is_lead(user, canonical or project)
        or user.in_group(MODERATORS)
    )


def can_ask_to_join(user):
    return _signed_in(user) and user.in_group(OFFICERS)


def can_read_request(user, join_request):
    """A request's message is for the officer who wrote it, the project's leads, moderators."""
    if not _signed_in(user):
        return False
    return (
        join_request.officer_id == user.pk
        or is_lead(user, join_request.project)
        or user.in_group(MODERATORS)
    )


def can_decide_request(user, join_request):
    """Accept or decline: only the project's leads."""
    return is_lead(user, join_request.project)
