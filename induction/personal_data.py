"""The induction data kept about a person, for export and erasure (see hub.personal_data)."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page

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


def _pages_by_key(keys, language_code):
    """``{translation_key: page}`` in the person's language where it exists, else any live
    version (the default language first). Two queries."""
    keys = {key for key in keys if key}
    if not keys:
        return {}
    preferred = [language_code, settings.LANGUAGE_CODE]
    locales = dict(Locale.objects.values_list("pk", "language_code"))
    found = {}
    pages = Page.objects.filter(translation_key__in=keys).specific().order_by("pk")
    for page in pages:
        code = locales.get(page.locale_id)
        rank = preferred.index(code) if code in preferred else len(preferred)
        best = found.get(page.translation_key)
        if best is None or rank < best[0]:
            found[page.translation_key] = (rank, page)
    return {key: page for key, (_rank, page) in found.items()}


def _step_texts(page):
    """``{id: text}`` for a module's steps and their parts: checklists and their items,
    quizzes, their questions and answers, reflection questions."""
    texts = {}
    for block in getattr(page, "lessons", None) or []:
        value = block.value
        if block.block_type == "checklist":
            texts[block.id] = value["title"]
            for item in value["items"].bound_blocks:
                texts[item.id] = item.value
        elif block.block_type == "quiz":
            texts[block.id] = value["title"]
            for question in value["questions"].bound_blocks:
                texts[question.id] = question.value["question"]
                for answer in question.value["answers"].bound_blocks:
                    texts[answer.id] = answer.value["text"]
        elif block.block_type == "reflection":
            texts[block.id] = value["prompt"]
    return texts


def export_user(user):
    tracker = ManifestoTracker.objects.filter(user=user).first()
    progress = list(ModuleProgress.objects.filter(user=user))
    ticks = list(
        ChecklistTick.objects.filter(user=user).values_list("module_key", "item_id", "ticked_at")
    )
    attempts = list(QuizAttempt.objects.filter(user=user))
    reflections = list(ReflectionAnswer.objects.filter(user=user))
    keys = {r.module_key for r in progress} | {r.programme_key for r in progress}
    keys |= {t[0] for t in ticks} | {a.module_key for a in attempts}
    keys |= {r.module_key for r in reflections}
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    pages = _pages_by_key(keys, language)
    steps = {key: _step_texts(page) for key, page in pages.items()}

    def title(key):
        page = pages.get(key)
        return page.title if page is not None else str(key)  # a deleted page keeps its id

    def step(key, block_id):
        return steps.get(key, {}).get(block_id, block_id)

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
                "module": title(record.module_key),
                "programme": title(record.programme_key),
                "started_at": _iso(record.started_at),
                "completed_at": _iso(record.completed_at),
            }
            for record in progress
        ],
        "checklist_ticks": [
            {
                "module": title(module_key),
                "item": step(module_key, item_id),
                "ticked_at": _iso(ticked_at),
            }
            for module_key, item_id, ticked_at in ticks
        ],
        "quiz_attempts": [
            {
                "module": title(attempt.module_key),
                "quiz": step(attempt.module_key, attempt.quiz_id),
                "answers": {
                    step(attempt.module_key, question): [
                        step(attempt.module_key, answer) for answer in chosen
                    ]
                    for question, chosen in (attempt.answers or {}).items()
                },
                "score": attempt.score,
                "total": attempt.total,
                "passed": attempt.passed,
                "submitted_at": _iso(attempt.created_at),
            }
            for attempt in attempts
        ],
        "reflections": [
            {
                "module": title(r.module_key),
                "question": step(r.module_key, r.block_id),
                "answer": r.text,
            }
            for r in reflections
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
