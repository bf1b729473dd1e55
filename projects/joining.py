"""Officers joining projects: requests, answers, membership, and who did what when.

Every change of a request's state goes through :func:`_transition`, which changes the row
only if it is still in the state the caller saw (a conditional UPDATE, under a row lock where
the database has them) and records a :class:`~projects.models.JoinRequestEvent`. Two leads
answering the same request at once therefore leave exactly one answer, one event and at most
one membership; the slower one is told what happened.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.notifications import notify, notify_later
from projects.models import JoinRequest, JoinRequestEvent, ProjectMember
from projects.routes import registry_url

State = JoinRequest.State

RATE_LIMIT = 5
RATE_WINDOW = datetime.timedelta(hours=1)


class JoinError(Exception):
    """A request that cannot be made or changed, with a message for the person."""

    def __init__(self, message, code="refused"):
        super().__init__(str(message))
        self.message = message
        self.code = code


def refusal(user, project):
    """Why ``user`` may not ask to join ``project`` (the canonical page) now, or ``None``."""
    if not project.live:
        return _("This project is not published, so nobody can join it yet.")
    if project.status == project.Status.PAUSED:
        return _("This project is paused, so it is not taking new officers. Its page says why.")
    if project.status == project.Status.COMPLETED:
        return _(
            "This project is completed, so it is not taking new officers. "
            "Its page says how it ended."
        )
    if not project.open_to_officers:
        return _("The leads of this project are not looking for officers at the moment.")
    if user.pk in project.lead_ids:
        return _("You lead this project, so you are part of it already.")
    if ProjectMember.objects.filter(project=project, user=user, left_on__isnull=True).exists():
        return _("You are already a member of this project.")
    if JoinRequest.objects.filter(project=project, officer=user, state=State.PENDING).exists():
        return _("You have already asked to join this project. Its leads have not answered yet.")
    return None


def recent_request_count(user, now=None):
    since = (now or timezone.now()) - RATE_WINDOW
    return JoinRequest.objects.filter(officer=user, created_at__gte=since).count()


def rate_limit_message():
    return _(
        "You have asked to join %(limit)d projects in the last hour, which is the most we "
        "allow. Please wait a while and try again; nothing you wrote has been lost."
    ) % {"limit": RATE_LIMIT}


def _lead_ids(project):
    """The project's leads, by primary key (their rows are loaded by the notifying task)."""
    return [pk for pk in (project.staff_lead_id, project.union_contact_id) if pk]


def _mine_url():
    return registry_url("mine")


def _project_url(project):
    def url():
        localized = project.localized
        return localized.get_url() if localized.live else project.get_url()

    return url


def _lock_officer(user):
    """Hold ``user``'s row until the transaction ends, so that their requests are counted
    and created one at a time (PostgreSQL: a row lock; SQLite takes the database's write lock
    when the transaction begins, see ``transaction_mode`` in the settings)."""
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))


def create_request(user, project, message, how_to_help=""):
    """A new pending request from ``user`` to ``project`` (the canonical page).

    The checks, the count against the hourly limit and the insert happen in one transaction
    under a lock on the officer, so simultaneous requests cannot all see room under the limit;
    the leads are notified only of a request that was actually created.
    """
    with transaction.atomic():
        _lock_officer(user)
        reason = refusal(user, project)
        if reason:
            raise JoinError(reason)
        if recent_request_count(user) >= RATE_LIMIT:
            raise JoinError(rate_limit_message(), code="rate_limited")
        try:
            with transaction.atomic():
                join_request = JoinRequest.objects.create(
                    project=project, officer=user, message=message, how_to_help=how_to_help
                )
        except IntegrityError as error:  # the one-open-request constraint: a double submit
            raise JoinError(
                _("You have already asked to join this project. Its leads have not answered yet."),
                code="duplicate",
            ) from error
        JoinRequestEvent.objects.create(
            request=join_request, actor=user, from_state="", to_state=State.PENDING
        )
        # Rendered and stored by a background task, queued in this transaction.
        notify_later(
            [pk for pk in _lead_ids(project) if pk != user.pk],
            "join_request.created",
            "projects/notifications/join_request_created",
            {"join_request": join_request, "project": project, "officer": user},
            url_name="projects:request",
            url_args=[join_request.pk],
        )
    return join_request


def _transition(join_request, actor, allowed_from, to_state, note=""):
    """Move a request on if it is still in one of ``allowed_from``; ``None`` if it was not."""
    with transaction.atomic():
        current = (
            JoinRequest.objects.select_for_update()
            .filter(pk=join_request.pk)
            .values_list("state", flat=True)
            .first()
        )
        if current not in allowed_from:
            return None
        changed = JoinRequest.objects.filter(pk=join_request.pk, state=current).update(
            state=to_state, updated_at=timezone.now()
        )
        if not changed:
            return None
        JoinRequestEvent.objects.create(
            request=join_request,
            actor=actor,
            from_state=current,
            to_state=to_state,
            note=note[:500],
        )
    join_request.refresh_from_db()
    return current


def _already_answered(join_request):
    join_request.refresh_from_db()
    return JoinError(
        _("This request has already been answered: it is now “%(state)s”.")
        % {"state": join_request.get_state_display()},
        code="conflict",
    )


def accept(join_request, actor, role=""):
    """Accept a pending request: the officer becomes a member."""
    if join_request.officer_id is None:
        raise JoinError(_("The officer who asked has deleted their account."))
    with transaction.atomic():
        if _transition(join_request, actor, {State.PENDING}, State.ACCEPTED) is None:
            raise _already_answered(join_request)
        member, created = ProjectMember.objects.get_or_create(
            project=join_request.project,
            user=join_request.officer,
            defaults={"role": role, "request": join_request},
        )
        if not created and member.left_on is not None:
            # A former member (whose term ended) joins again, e.g. re-elected.
            member.left_on, member.role, member.request = None, role, join_request
            member.save(update_fields=["left_on", "role", "request"])
        notify(
            join_request.officer,
            "join_request.accepted",
            "projects/notifications/join_request_accepted",
            {
                "join_request": join_request,
                "project": join_request.project,
                "actor": actor,
                "role": role,
            },
            url=_project_url(join_request.project),
        )
    return member


def decline(join_request, actor, note=""):
    with transaction.atomic():
        if _transition(join_request, actor, {State.PENDING}, State.DECLINED, note) is None:
            raise _already_answered(join_request)
        notify(
            join_request.officer,
            "join_request.declined",
            "projects/notifications/join_request_declined",
            {
                "join_request": join_request,
                "project": join_request.project,
                "actor": actor,
                "note": note,
            },
            url=_mine_url,
        )


def withdraw(join_request, actor):
    """The officer withdraws a pending request, or leaves the project after acceptance."""
    with transaction.atomic():
        previous = _transition(
            join_request, actor, {State.PENDING, State.ACCEPTED}, State.WITHDRAWN
        )
        if previous is None:
            raise _already_answered(join_request)
        if previous == State.ACCEPTED:
            ProjectMember.objects.filter(
                project=join_request.project, user=join_request.officer
            ).delete()
        notify_later(
            _lead_ids(join_request.project),
            "join_request.withdrawn",
            "projects/notifications/join_request_withdrawn",
            {
                "join_request": join_request,
                "project": join_request.project,
                "officer": actor,
                "left": previous == State.ACCEPTED,
            },
            url_name="projects:request",
            url_args=[join_request.pk],
            email=False,
        )
    return previous


def remove_member(member, actor, note=""):
    """A lead removes a member; the request that made them one is marked "removed"."""
    with transaction.atomic():
        join_request = member.request
        if join_request is not None:
            _transition(join_request, actor, {State.ACCEPTED}, State.REMOVED, note)
        person, project = member.user, member.project
        member.delete()
        if person is not None:
            notify(
                person,
                "project.member_removed",
                "projects/notifications/member_removed",
                {"project": project, "actor": actor, "note": note},
                url=_mine_url,
            )
