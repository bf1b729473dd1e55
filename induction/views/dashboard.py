"""The hub's own address: an officer's dashboard, or the public programme for visitors."""

from collections import Counter

from django.db.models import Q
from wagtail.models import Locale

from induction.matching import live_projects, localize_projects
from induction.models.manifesto import ManifestoTracker, Pledge
from induction.models.progress import ProgrammeCompletion
from induction.models.roles import OfficerRole, OfficerTerm
from induction.presentation import localized_roles, role_names, session_rows
from induction.progress import ProgressBook, officer_for
from induction.views.common import has_any_term, private
from induction.views.handover import received_handovers


def projects_for(user, condition, limit=6):
    """``(projects, total)``: live projects matching ``condition`` for ``user``, once per
    translation, in the reader's language, at most ``limit`` of them."""
    keys = set(live_projects().filter(condition).values_list("translation_key", flat=True))
    pks = list(
        live_projects()
        .filter(translation_key__in=keys, locale=Locale.get_default())
        .order_by("title")
        .values_list("pk", flat=True)[:limit]
    )
    return localize_projects(pks), len(keys)


def hub_index(request, hub):
    officer = officer_for(request.user)
    if officer is not None:
        return private(
            hub.render(
                request,
                template="induction/dashboard.html",
                context_overrides=dashboard_context(request, hub, officer),
            )
        )
    programme = hub.current_programme()
    context = {
        "programme": programme,
        "other_programmes": hub.programmes().exclude(pk=getattr(programme, "pk", None))[:10],
        "trackers": ManifestoTracker.objects.filter(
            is_public=True, user__officer_terms__in=OfficerTerm.objects.current_or_upcoming()
        )
        .select_related("user")
        .distinct()
        .order_by("user__display_name", "slug")[:24],
        "has_terms": has_any_term(request.user),
        "awaiting_term": request.user.is_authenticated
        and request.user.in_group("Officers")
        and not request.user.is_superuser,
    }
    if programme is not None:
        names = role_names()
        context["schedule"] = session_rows(programme.sessions(), names)
        context["modules"] = programme.modules()
        context["roles"] = localized_roles(
            OfficerRole.objects.filter(locale=Locale.get_default()).prefetch_related(
                "partner_units"
            )
        )
    response = hub.render(request, context_overrides=context)
    if request.user.is_authenticated:
        private(response)
    return response


def dashboard_context(request, hub, officer):
    user = request.user
    programme = hub.programme_for_year(officer.year)
    context = {
        "officer": officer,
        "roles": localized_roles(officer.roles),
        "programme": programme,
        "joined": projects_for(user, Q(members__user=user)),
        "led": projects_for(user, Q(union_contact=user)),
        "received_handovers": received_handovers(user),
        "own_terms": [
            {"term": term, "handover": getattr(term, "handover", None)}
            for term in OfficerTerm.objects.filter(user=user)
            .select_related("role", "handover")
            .order_by("-starts_on")[:6]
        ],
    }
    pledges = list(Pledge.objects.filter(officer=user).prefetch_related("projects"))
    counts = Counter(pledge.status for pledge in pledges)
    context["pledges"] = pledges
    context["pledge_counts"] = [
        (value, label, counts.get(value, 0)) for value, label in Pledge.Status.choices
    ]
    context["tracker"] = ManifestoTracker.objects.filter(user=user).first()
    if programme is not None:
        modules = programme.modules_for(officer.role_slugs)
        book = ProgressBook(user, modules, programme)
        context["book"] = book
        context["states"] = book.states()
        context["next_state"] = book.next_state()
        names = role_names()
        upcoming = [s for s in programme.sessions(officer.role_slugs) if s.is_upcoming()]
        context["upcoming"] = session_rows(upcoming[:6], names)
        context["more_sessions"] = len(upcoming) > 6
        context["completion"] = ProgrammeCompletion.objects.filter(
            user=user, programme_key=programme.translation_key
        ).first()
    return context
