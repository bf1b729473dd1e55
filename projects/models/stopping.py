"""Why a project stopped: paused and completed projects say why, in a real sentence.

Checked by :meth:`projects.models.ProjectPage.clean` (the admin, the moderation) and by the
registry's edit form (:mod:`projects.forms`).
"""

from django.utils.translation import gettext_lazy as _

STOPPED_STATUSES = frozenset({"paused", "completed"})
# A reason readers can learn from: a sentence, not "x" or "done".
STOPPED_REASON_MIN_CHARS = 30
STOPPED_REASON_MIN_WORDS = 5


def is_meaningful_reason(reason):
    text = (reason or "").strip()
    words = [word for word in text.split() if any(ch.isalpha() for ch in word)]
    return len(text) >= STOPPED_REASON_MIN_CHARS and len(words) >= STOPPED_REASON_MIN_WORDS


def stopped_reason_errors(status, reason, previous_status=None, previous_reason="", new=True):
    """Why a project's status and "why it stopped" disagree, as ``{field: message}``.

    A reason is required whenever a project becomes paused or completed, and cannot be
    removed while it stays so; a new or changed reason must be a real explanation (at least
    :data:`STOPPED_REASON_MIN_WORDS` words and :data:`STOPPED_REASON_MIN_CHARS` characters).
    Projects already paused without one (older records) may be saved unchanged, so
    approving their other edits never fails.
    """
    if status not in STOPPED_STATUSES:
        return {}
    reason = (reason or "").strip()
    previous_reason = (previous_reason or "").strip()
    if reason:
        unchanged = not new and previous_status == status and reason == previous_reason
        if unchanged or is_meaningful_reason(reason):
            return {}
        return {
            "stopped_reason": _(
                "Explain in at least %(words)d words (%(chars)d characters) what happened and "
                "what was learned, so that readers and the next officers can build on it."
            )
            % {"words": STOPPED_REASON_MIN_WORDS, "chars": STOPPED_REASON_MIN_CHARS}
        }
    becoming = new or previous_status != status or bool(previous_reason)
    if not becoming:
        return {}
    if status == "paused":
        message = _("Say why the project is paused, and what has been learned so far.")
    else:
        message = _("Say how the project ended: its outcome and what was learned.")
    return {"stopped_reason": message}
