"""'Was this helpful?': the form, the once-per-session rule and the flood guards.

What is kept: the answer, an optional comment and the day. What is not: who answered, their
IP address or their session id. The session only remembers *that* this browser answered on a
page (a list of page ids in the reader's own session), and the rate limits count in the cache
under a one-way hash of the session key that expires within minutes.
"""

import hashlib
import unicodedata
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

SESSION_KEY = "knowledge_feedback_pages"
MAX_REMEMBERED_PAGES = 500

DEFAULT_LIMITS = {
    # (how many, per how many seconds)
    "session": (10, 10 * 60),  # one browser, across all guidance
    "page": (30, 10 * 60),  # everyone, on one guideline
    "site": (300, 10 * 60),  # everyone, on all guidance
}


def limits():
    configured = getattr(settings, "KNOWLEDGE_FEEDBACK_LIMITS", {})
    return {**DEFAULT_LIMITS, **configured}


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was this guidance helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose yes or no."),
            "invalid_choice": _("Choose yes or no."),
        },
    )
    comment = forms.CharField(
        label=_("What could be better? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        help_text=_(
            "Up to 1,000 characters. This form is anonymous: please don't include names, "
            "e-mail addresses or other personal details."
        ),
        error_messages={
            "max_length": _(
                "Keep your comment to 1,000 characters or fewer (it has %(show_value)d)."
            )
        },
    )

    def clean_comment(self):
        text = self.cleaned_data.get("comment", "")
        # Drop control characters (but keep line breaks) and tidy the ends.
        text = "".join(
            char
            for char in text
            if char in "\n\t" or not unicodedata.category(char).startswith("C")
        )
        return text.strip()


def already_answered(request, page):
    session = getattr(request, "session", None)
    if session is None:
        return False
    return page.pk in session.get(SESSION_KEY, [])


def remember_answer(request, page):
    answered = [pk for pk in request.session.get(SESSION_KEY, []) if pk != page.pk]
    answered.append(page.pk)
    request.session[SESSION_KEY] = answered[-MAX_REMEMBERED_PAGES:]


def _session_hash(request):
    if not request.session.session_key:
        request.session.save()
    return hashlib.sha256(request.session.session_key.encode()).hexdigest()[:32]


def _hit(key, limit, window):
    """Count one attempt in a fixed window; whether the limit is now exceeded."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit


@dataclass
class FloodCheck:
    blocked: bool
    scope: str = ""


def check_flood(request, page):
    """Count this attempt against every limit; blocked when any is exceeded."""
    configured = limits()
    keys = {
        "session": f"knowledge:feedback:session:{_session_hash(request)}",
        "page": f"knowledge:feedback:page:{page.pk}",
        "site": "knowledge:feedback:site",
    }
    for scope, key in keys.items():
        limit, window = configured[scope]
        if _hit(key, limit, window):
            return FloodCheck(True, scope)
    return FloodCheck(False)
