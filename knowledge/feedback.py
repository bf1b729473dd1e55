"""'Was this helpful?': the form, the one-answer rule and the flood guard.

What is kept: the answer, an optional comment and the day. Nothing about who answered: no
user, no address, no session. The rules count in the database (``hub.ratelimits``: no cache
eviction can reset them) under keyed hashes (an HMAC with ``SECRET_KEY``, so they cannot be
reversed into addresses) that expire within a day:

* **one answer per reader, page and day** (``answers``): a reader is the signed-in person, or
  else the client's address (:func:`hub.security.client_ip`), so dropping cookies does not
  buy another vote;
* **a flood guard per client address** (``client``): attempts across all guidance.

No limit is shared between clients, so nobody can use up a budget and switch the form off for
everyone else. Answering creates no session: the page stays cacheable for other readers.
"""

import unicodedata
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from hub import ratelimits
from hub.cache import keep_out_of_page_cache
from hub.security import client_ip

DAY = 24 * 60 * 60

DEFAULT_LIMITS = {
    # (how many, per how many seconds)
    "answers": (1, DAY),  # answers kept from one reader on one guideline (per calendar day)
    "client": (20, 10 * 60),  # attempts from one client address, across all guidance
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


def _digest(*parts):
    """A keyed, one-way hash: the same inputs give the same key, nothing gives them back."""
    value = "|".join(str(part) for part in parts)
    return salted_hmac("knowledge.feedback", value, algorithm="sha256").hexdigest()[:40]


def _reader(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"address:{client_ip(request)}"


def _answer_key(request, page):
    day = timezone.localdate().isoformat()
    return f"knowledge:feedback:answer:{_digest(_reader(request), page.pk, day)}"


def already_answered(request, page):
    """Whether this reader has used their answers on ``page`` today.

    A page that says so is about this reader only: it is kept out of the page cache.
    """
    limit, _window = limits()["answers"]
    if ratelimits.count(_answer_key(request, page)) < limit:
        return False
    keep_out_of_page_cache(request)
    return True


def claim_answer(request, page):
    """Count one kept answer for this reader; ``False`` if none was left (a double submit)."""
    limit, window = limits()["answers"]
    return not _hit(_answer_key(request, page), limit, window)


def _hit(key, limit, window):
    """Count one attempt in a fixed window; whether the limit is now exceeded."""
    return ratelimits.hit(key, window) > limit


@dataclass
class FloodCheck:
    blocked: bool
    scope: str = ""


def check_flood(request):
    """Count this attempt against the client's own limit; blocked when it is exceeded."""
    limit, window = limits()["client"]
    key = f"knowledge:feedback:client:{_digest(client_ip(request))}"
    if _hit(key, limit, window):
        return FloodCheck(True, "client")
    return FloodCheck(False)
