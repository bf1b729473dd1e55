"""Which languages a search looks in: the reader's own (the default) or every language.

Every search on the hub (the site search, the registry, the knowledge base, the manifesto
matcher) looks in the reader's language unless the reader asks for all languages with
``?lang=all``. Then the words are matched against every language's own text, and each page
found is shown once, as the reader's version of it where one exists (a translation, or an
alias that shows the original) and otherwise as the page that matched. Either way each result
says which language its text is in (``hub.languages.content_language``), so a German reader
is never surprised by an English summary.

Aliases are left out of the matching when looking across languages: an alias shows another
page's text, which is already searched on that page.
"""

from search.languages import ALL

PARAM = "lang"

__all__ = ["ALL", "PARAM", "as_reader_versions", "every_language", "wants_all"]


def wants_all(get):
    """True when the request's GET parameters ask for every language."""
    return get.get(PARAM, "") == ALL


def every_language(queryset):
    """``queryset`` (of pages in any locale) narrowed to pages with their own text."""
    return queryset.filter(alias_of__isnull=True)


def as_reader_versions(ids, matched, readers):
    """Primary keys matched in any language, as the reader's version of each page.

    ``ids``: pks best first, from a search over ``matched`` (a page queryset across locales).
    ``readers``: the queryset of pages the reader may be shown in their own locale (live,
    public, the reader's locale). Returns pks best first, one per page (``translation_key``):
    the reader's version when there is one, else the best-matching page itself. Two queries.
    """
    ids = list(ids)
    if not ids:
        return []
    key_of = dict(matched.filter(pk__in=ids).values_list("pk", "translation_key"))
    own = dict(
        readers.filter(translation_key__in=set(key_of.values())).values_list(
            "translation_key", "pk"
        )
    )
    found, seen = [], set()
    for pk in ids:
        key = key_of.get(pk)
        if key is None or key in seen:
            continue
        seen.add(key)
        found.append(own.get(key, pk))
    return found
