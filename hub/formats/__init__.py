"""Date and time formats: one style per language, used by pages, e-mails and feeds alike.

``FORMAT_MODULE_PATH`` points Django here first (``hub/formats/<language>/formats.py``); what
a module leaves out comes from Django's own formats for that language. Templates use the named
formats (``{{ value|date:"DATE_FORMAT" }}``, ``|time:"TIME_FORMAT"``); for the two styles
Django has no name for, :func:`named_format` reads them from the same modules:

* ``DAY_FORMAT``: a date with its weekday ("Monday 5 July 2027", "Montag, 5. Juli 2027"),
  for schedules;
* ``DATE_FORMAT`` is the long date everywhere else ("5 July 2027", "5. Juli 2027").
"""

from django.utils import formats
from django.utils.translation import get_language

# Used when a language has no module of its own here (a language added later).
FALLBACKS = {"DAY_FORMAT": "l, DATE_FORMAT"}


def named_format(name, language=None):
    """The format string ``name`` for ``language`` (default: the active one)."""
    language = language or get_language()
    for module in formats.get_format_modules(lang=language):
        value = getattr(module, name, None)
        if value is not None:
            return value
    fallback = FALLBACKS.get(name, name)
    if "DATE_FORMAT" in fallback:
        fallback = fallback.replace("DATE_FORMAT", formats.get_format("DATE_FORMAT", language))
    return fallback
