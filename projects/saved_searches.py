"""Saved registry searches: the normalised query, a name, the per-person limit, the links.

A saved search keeps what makes the results (the words, the known filters, ``lang=all``) as
a sorted query string, without the sort order or the page, so the same search saved twice is
one search. It is normalised by running it through the registry's own listing
(:class:`projects.listing.RegistryQuery`): unknown filter values are dropped exactly as the
listing drops them.

The unsubscribe link in every alert carries a token signed with Django's signing (its own
salt) holding the search's id, its owner's id and its random key: it cannot be made for
another search or person, and stops working once the search is deleted, even if its id is
later given to a new search.
"""

import uuid
from types import SimpleNamespace
from urllib.parse import urlencode

from django.core import signing
from django.http import QueryDict
from django.utils.translation import gettext as _

from projects.facets import FACETS
from projects.listing import RegistryQuery
from projects.models.alerts import SavedSearch
from projects.routes import registry_for

LIMIT = 20  # saved searches a person may keep
QUERY_MAX = 2000  # characters of a submitted query string read
NAME_MAX = 200
TOKEN_SALT = "projects.saved-search.unsubscribe"  # noqa: S105 (a signing salt)


class LimitReached(Exception):
    """The person already keeps :data:`LIMIT` saved searches."""


def registry_query(index_page, query, *, page=1, sort=""):
    """The registry listing of a stored (or submitted) query string, as the reader sees it."""
    listing = RegistryQuery.from_request(index_page, SimpleNamespace(GET=QueryDict(query)))
    listing.page_number = page
    listing.sort = sort
    return listing


def normalise(index_page, raw):
    """``(query string, name)`` of the search in ``raw`` (a registry URL's query string)."""
    result = registry_query(index_page, (raw or "")[:QUERY_MAX]).run()
    pairs = [("q", result.query)] if result.query else []
    for name, _label in FACETS:
        pairs.extend((name, value) for value in sorted(result.params.get(name, [])))
    if result.all_languages:
        pairs.append(("lang", "all"))
    parts = [result.query] if result.query else []
    parts.extend(str(label) for _name, _value, label in result.active)
    name = ", ".join(parts) or _("All projects")
    if len(name) > NAME_MAX:
        name = name[: NAME_MAX - 1] + "…"
    return urlencode(pairs), name


def save(user, index_page, query, name, frequency):
    """Save the search ``query`` (from :func:`normalise`) for ``user`` in the registry
    page's language.

    Returns ``(search, created)``: saving a search again changes its frequency. Raises
    :class:`LimitReached` for a new search beyond :data:`LIMIT`.
    """
    language = index_page.locale.language_code
    existing = SavedSearch.objects.filter(owner=user, language=language, query=query).first()
    if existing is not None:
        if existing.frequency != frequency:
            existing.frequency = frequency
            existing.save(update_fields=["frequency"])
        return existing, False
    if SavedSearch.objects.filter(owner=user).count() >= LIMIT:
        raise LimitReached
    search = SavedSearch.objects.create(
        owner=user, query=query, name=name, language=language, frequency=frequency
    )
    return search, True


def search_url(search, pages):
    """The path of ``search`` on the registry of its language ("" without a registry)."""
    page = registry_for(search.language, pages)
    if page is None:
        return ""
    url = page.get_url() or ""
    return f"{url}?{search.query}" if search.query else url


def unsubscribe_token(search):
    payload = {"s": search.pk, "u": search.owner_id, "k": search.key.hex}
    return signing.dumps(payload, salt=TOKEN_SALT)


def search_for_token(token):
    """The saved search a token unsubscribes from, or ``None`` if it no longer exists.

    Raises :class:`django.core.signing.BadSignature` for a token this site did not sign.
    """
    payload = signing.loads(token[:500], salt=TOKEN_SALT)
    try:
        search_id, owner_id = int(payload["s"]), int(payload["u"])
        key = uuid.UUID(hex=str(payload["k"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise signing.BadSignature("Malformed unsubscribe token") from exc
    return (
        SavedSearch.objects.select_related("owner")
        .filter(pk=search_id, owner_id=owner_id, key=key)
        .first()
    )
