"""The induction data kept about a person, for export and erasure (see hub.personal_data)."""

from django.db import transaction

from induction.models import (
    CalendarToken,
    ChecklistTick,
    Handover,
    ManifestoTracker,
    ModuleProgress,
    OfficerTerm,
    Pledge,
    ProgrammeCompletion,
    QuizAttempt,
    ReflectionAnswer,
)


def _iso(value):
    return value.isoformat() if value else None


def export_user(user):
    tracker = ManifestoTracker.objects.filter(user=user).first()
    return {
        "terms": [
            {
                "role": term.role.name,
                "starts_on": _iso(term.starts_on),
                "ends_on": _iso(term.ends_on),
            }
            for term in OfficerTerm.objects.filter(user=user).select_related("role")
        ],
        "module_progress": [
            {
                "module": str(record.module_key),
                "programme": str(record.programme_key),
                "started_at": _iso(record.started_at),
                "completed_at": _iso(record.completed_at),
            }
            for record in ModuleProgress.objects.filter(user=user)
        ],
        "checklist_ticks": [
            {"module": str(module_key), "item": item_id, "ticked_at": _iso(ticked_at)}
            for module_key, item_id, ticked_at in ChecklistTick.objects.filter(
                user=user
            ).values_list("module_key", "item_id", "ticked_at")
        ],
        "quiz_attempts": [
            {
                "module": str(attempt.module_key),
                "quiz": attempt.quiz_id,
                "answers": attempt.answers,
                "score": attempt.score,
                "total": attempt.total,
                "passed": attempt.passed,
                "submitted_at": _iso(attempt.created_at),
            }
            for attempt in QuizAttempt.objects.filter(user=user)
        ],
        "reflections": [
            {"module": str(r.module_key), "question": r.block_id, "answer": r.text}
            for r in ReflectionAnswer.objects.filter(user=user)
        ],
        "completed_programmes": [
            {"programme": c.programme_title, "completed_at": _iso(c.completed_at)}
            for c in ProgrammeCompletion.objects.filter(user=user)
        ],
        "pledges": [
            {
                "title": pledge.title,
                "description": pledge.description,
                "status": pledge.status,
                "dropped_reason": pledge.dropped_reason,
                "new_initiative": pledge.is_new_initiative,
                "projects": [project.title for project in pledge.projects.all()],
                "updates": [
                    {"date": _iso(u.created_at), "status": u.status, "note": u.note}
                    for u in pledge.updates.all()
                ],
            }
            for pledge in Pledge.objects.filter(officer=user).prefetch_related(
                "projects", "updates"
            )
        ],
        "manifesto_tracker": (
            {"address": tracker.slug, "public": tracker.is_public, "intro": tracker.intro}
            if tracker
            else None
        ),
        "handovers_written": [
            {
                "status": handover.status,
                "overview": handover.overview,
                "pending_decisions": handover.pending_decisions,
                "pledges_note": handover.pledges_note,
                "advice": handover.advice,
                "contacts": [
                    {"name": c.name, "role": c.role, "email": c.email, "why": c.why}
                    for c in handover.contacts.all()
                ],
                "projects": [
                    {"project": link.project.title, "note": link.note}
                    for link in handover.project_links.select_related("project")
                ],
            }
            for handover in Handover.objects.filter(author=user).prefetch_related("contacts")
        ],
        "calendar_feed": CalendarToken.objects.filter(user=user).exists(),
    }


@transaction.atomic
def erase_user(user):
    """Delete the person's progress, pledges, tracker, feed and draft handovers. Submitted
    handovers stay for the successor who relies on them, without the author's name; terms
    stay without the person, so the succession of the role is still known."""
    for model in (ChecklistTick, QuizAttempt, ReflectionAnswer, ModuleProgress):
        model.objects.filter(user=user).delete()
    ProgrammeCompletion.objects.filter(user=user).delete()
    CalendarToken.objects.filter(user=user).delete()
    ManifestoTracker.objects.filter(user=user).delete()
    Handover.objects.filter(author=user, status=Handover.Status.DRAFT).delete()
    Handover.objects.filter(author=user).update(author=None)
    Pledge.objects.filter(officer=user).delete()
    OfficerTerm.objects.filter(user=user).update(user=None)
