"""Handovers: what an officer writes for their successor, and who may read it."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from hub.inputs import clean_text
from hub.permissions import signed_in_required
from hub.routing import page_url
from hub.twofactor import privileged, second_factor_redirect, second_factor_url
from induction.emails import send_handover_ready
from induction.forms import HandoverContactFormSet, HandoverForm
from induction.matching import live_projects, localize_map, localize_projects, search_projects
from induction.models.handover import Handover
from induction.models.roles import OfficerTerm
from induction.presentation import localized_roles
from induction.views.common import private, redirect_to, site_base_url, sub_url


def received_handovers(user):
    """Submitted handovers written for ``user`` by the previous holders of their roles."""
    terms = OfficerTerm.objects.filter(user=user).select_related("role")
    predecessor_ids = set()
    for term in terms:
        predecessor_ids.update(term.predecessor_terms().values_list("pk", flat=True))
    return list(
        Handover.objects.filter(term_id__in=predecessor_ids, status=Handover.Status.SUBMITTED)
        .exclude(author=user)
        .select_related("author", "term__role")
        .order_by("-submitted_at")
    )


@signed_in_required
def handover_list(request, hub):
    user = request.user
    own_terms = list(
        OfficerTerm.objects.filter(user=user)
        .select_related("role", "handover")
        .order_by("-starts_on")
    )
    received = received_handovers(user)
    moderator = privileged(user, user.in_group("Moderators"))
    if not own_terms and not received and not moderator:
        if moderator.needs_second_factor:
            return second_factor_redirect(request)
        raise Http404
    context = {
        "own_terms": [{"term": t, "handover": getattr(t, "handover", None)} for t in own_terms],
        "received": received,
        "second_factor_url": (
            second_factor_url(request) if moderator.needs_second_factor else None
        ),
    }
    if moderator:
        paginator = Paginator(
            Handover.objects.filter(status=Handover.Status.SUBMITTED)
            .select_related("author", "term__role", "term__user")
            .order_by("-submitted_at", "-pk"),
            20,
        )
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            {
                "all_submitted": page_obj,
                "page_obj": page_obj,
                "paginator": paginator,
                "page_range": paginator.get_elided_page_range(page_obj.number),
            }
        )
    return private(
        hub.render(request, template="induction/handover_list.html", context_overrides=context)
    )


def handover_candidates(handover, user, query=None):
    """Projects offered in the handover form: already chosen ones first, then the author's
    own (lead, member, linked to their pledges), then any found by ``query``."""
    chosen = (
        list(handover.project_links.values_list("project_id", flat=True)) if handover.pk else []
    )
    own = list(
        live_projects()
        .filter(Q(union_contact=user) | Q(members__user=user) | Q(pledges__officer=user))
        .order_by("title")
        .values_list("pk", flat=True)
        .distinct()[:60]
    )
    found = []
    degraded = False
    if query:
        pages, degraded = search_projects(query, get_language(), limit=10)
        found = [page.pk for page in pages]
    ordered = []
    for pk in [*chosen, *own, *found]:
        if pk not in ordered:
            ordered.append(pk)
    # Chosen pages keep their exact pk (it is what is stored); others are shown localized.
    chosen_pages = {p.pk: p for p in live_projects().filter(pk__in=chosen)}
    others = localize_projects([pk for pk in ordered if pk not in chosen_pages])
    result, seen = [], set()
    for page in [*chosen_pages.values(), *others]:
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            result.append(page)
    return result, degraded, bool(query) and not found


@signed_in_required
def handover_edit(request, hub, term_id):
    user = request.user
    term = get_object_or_404(OfficerTerm.objects.select_related("role"), pk=term_id, user=user)
    handover = Handover.objects.filter(term=term).first() or Handover(term=term, author=user)
    if handover.author_id not in (None, user.pk):
        raise Http404
    handover.author = user
    here = sub_url(hub, request, "handover_write_route", term_id=term.pk)
    query = clean_text(request.GET.get("q"), 200, multiline=False)
    if request.method == "POST":
        query = clean_text(request.POST.get("project_query"), 200, multiline=False)
    candidates, degraded, nothing_found = handover_candidates(handover, user, query or None)
    if request.method == "POST":
        action = request.POST.get("action", "save")
        form = HandoverForm(request.POST, instance=handover, candidates=candidates)
        formset = HandoverContactFormSet(request.POST, instance=handover, prefix="contacts")
        if form.is_valid() and formset.is_valid():
            with transaction.atomic():
                handover = form.save(commit=False)
                handover.author = user
                handover.term = term
                newly_submitted = action == "submit" and not handover.is_submitted
                if newly_submitted:
                    handover.status = Handover.Status.SUBMITTED
                    handover.submitted_at = timezone.now()
                handover.save()
                form.save_m2m()
                form.save_projects(handover)
                formset.instance = handover
                formset.save()
            if newly_submitted:
                successors = [t.user for t in term.successor_terms().select_related("user")]
                _notify_successors(request, hub, handover, successors)
                if successors:
                    messages.success(
                        request,
                        _("Handover submitted. Your successor can read it now."),
                    )
                else:
                    messages.success(
                        request,
                        _(
                            "Handover submitted. Your successor will see it as soon as their "
                            "term is recorded."
                        ),
                    )
                return redirect_to(sub_url(hub, request, "handover_read_route", pk=handover.pk))
            if action == "find":
                return redirect_to(here, "projects", {"q": query} if query else None)
            messages.success(
                request,
                _("Changes saved; your successor sees them.")
                if handover.is_submitted
                else _("Draft saved. Only you can see it."),
            )
            return redirect_to(here)
    else:
        form = HandoverForm(
            instance=handover, candidates=candidates, initial={"project_query": query}
        )
        formset = HandoverContactFormSet(instance=handover, prefix="contacts")
    response = hub.render(
        request,
        template="induction/handover_form.html",
        context_overrides={
            "term": term,
            "role": localized_roles([term.role])[0],
            "handover": handover,
            "form": form,
            "formset": formset,
            "project_rows": form.project_rows(),
            "degraded": degraded,
            "nothing_found": nothing_found,
            "query": query,
            "successors": [t.user for t in term.successor_terms().select_related("user")],
        },
    )
    if request.method == "POST":
        response.status_code = 400
    return private(response)


def _notify_successors(request, hub, handover, successors):
    base_url = site_base_url(request)
    path = hub.reverse_subpage("handover_read_route", kwargs={"pk": handover.pk})

    def path_for(language):
        translated = hub.get_translation_or_none(Locale.objects.get_for_language(language))
        page = translated if translated is not None and translated.live else hub
        return page_url(page, request) + path

    send_handover_ready(
        handover,
        [u for u in successors if u is not None and u.email],
        base_url=base_url,
        path_for=path_for,
    )


@signed_in_required
def handover_detail(request, hub, pk):
    handover = get_object_or_404(
        Handover.objects.select_related("author", "term__role", "term__user"), pk=pk
    )
    access = handover.can_read(request.user)
    if not access:
        if access.needs_second_factor:
            return second_factor_redirect(request)
        raise Http404
    links = list(handover.project_links.all())
    live = set(
        live_projects()
        .filter(pk__in=[link.project_id for link in links])
        .values_list("pk", flat=True)
    )
    pages = localize_map([link.project_id for link in links if link.project_id in live])
    project_rows = [
        {"project": pages[link.project_id], "note": link.note}
        for link in links
        if link.project_id in pages
    ]
    return private(
        hub.render(
            request,
            template="induction/handover_detail.html",
            context_overrides={
                "handover": handover,
                "role": localized_roles([handover.term.role])[0],
                "project_rows": project_rows,
                "contacts": handover.contacts.all(),
                "pledges": handover.unfinished_pledges.all(),
                "is_author": handover.author_id == request.user.pk,
                "edit_url": sub_url(hub, request, "handover_write_route", term_id=handover.term_id),
            },
        )
    )
