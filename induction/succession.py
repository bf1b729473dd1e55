"""What happens when a term ends: the officer's projects are flagged as needing a new owner."""

import logging

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from induction.models import OfficerTerm

logger = logging.getLogger(__name__)


def projects_left_without_a_lead(user):
    """Every language version of the projects ``user`` leads (as union contact) that have no
    other lead. A project the officer only joined, or one that still has a staff lead, keeps
    going without them."""
    project_model = apps.get_model("projects", "ProjectPage")
    keys = project_model.objects.filter(union_contact=user, staff_lead__isnull=True).values_list(
        "translation_key", flat=True
    )
    return project_model.objects.filter(translation_key__in=set(keys))


@transaction.atomic
def release_projects(term, now=None):
    """When a term ends (and the officer serves in no other term): flag the projects it leaves
    without a lead ``needs_new_lead``, and move the officer's memberships to "former members"
    (dated the term's last day). Records that this term was handled; returns how many project
    pages were flagged."""
    now = now or timezone.now()
    term = OfficerTerm.objects.select_for_update().get(pk=term.pk)
    if term.projects_released_at is not None or not term.has_ended(timezone.localdate(now)):
        return 0
    changed = 0
    user = term.user
    still_serving = (
        user is not None
        and OfficerTerm.objects.filter(user=user).current(timezone.localdate(now)).exists()
    )
    if user is not None and not still_serving:
        project_member = apps.get_model("projects", "ProjectMember")
        project_member.objects.filter(user=user, left_on__isnull=True).update(left_on=term.ends_on)
        pages = list(
            projects_left_without_a_lead(user)
            .filter(needs_new_lead=False)
            .select_related("latest_revision")
        )
        if pages:
            type(pages[0]).objects.filter(pk__in=[p.pk for p in pages]).update(needs_new_lead=True)
            for page in pages:
                # Keep the flag in the latest draft too, so the next publish does not undo it.
                revision = page.latest_revision
                if revision is not None and not revision.content.get("needs_new_lead"):
                    revision.content["needs_new_lead"] = True
                    revision.save(update_fields=["content"])
            changed = len(pages)
            logger.info("Term %s ended: %s project pages need a new owner", term.pk, changed)
    term.projects_released_at = now
    term.save(update_fields=["projects_released_at"])
    return changed


def end_terms(today=None):
    """Handle every term that ended before ``today`` and was not handled yet."""
    today = today or timezone.localdate()
    results = []
    pending = OfficerTerm.objects.filter(ends_on__lt=today, projects_released_at__isnull=True)
    for term in pending.select_related("user", "role").order_by("ends_on", "pk"):
        results.append((term, release_projects(term)))
    return results
