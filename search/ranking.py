"""What the two database backends that rank for themselves share (:mod:`search.database` for
PostgreSQL, :mod:`search.database_sqlite` for SQLite): the question :func:`search.service`
asks them, and filtering their ranked ids through the caller's queryset."""

from itertools import islice

from search import syntax
from search.languages import query_language

CHUNK = 2000  # ranked ids checked against the caller's queryset per query


class RankedIdsMixin:
    """A backend that answers "the ids of the best matches, best first" itself. The service
    passes it the query as typed (with its search syntax) and the reader's language."""

    language_aware = True  # the service passes ``language`` to ranked_ids
    understands_syntax = True  # ... and the query with its syntax (search.syntax)
    max_terms = syntax.MAX_TERMS  # words read from one query

    def ranked_ids(
        self,
        queryset,
        query_string,
        *,
        fields=None,
        operator="and",
        limit=2000,
        exact=True,
        language=None,
    ):
        """At most ``limit`` ids of ``queryset``'s objects matching ``query_string``, best
        first. With ``exact=False`` the ids may include objects outside ``queryset`` (the caller
        intersects them with its own set)."""
        query = syntax.parse(query_string, max_terms=self.max_terms)
        if not query:
            return []
        return self.rank(
            queryset,
            query,
            query_language(language),
            fields=fields,
            operator=operator,
            limit=limit,
            exact=exact,
        )

    def rank(self, queryset, query, language, *, fields, operator, limit, exact):
        """:meth:`ranked_ids` for a parsed, non-empty query in a language code (or ``ALL``)."""
        raise NotImplementedError


def allowed_in_order(queryset, ranked_ids, limit):
    """The first ``limit`` of ``ranked_ids`` (any iterable, read lazily) that are in
    ``queryset``, in their ranked order. They are checked a chunk of primary keys at a time:
    an ``IN (sub-query)`` over the search index's text ``object_id`` would defeat the
    database's indexes."""
    ranked_ids = iter(ranked_ids)
    result = []
    while len(result) < limit:
        chunk = list(islice(ranked_ids, CHUNK))
        if not chunk:
            break
        allowed = set(queryset.filter(pk__in=chunk).values_list("pk", flat=True))
        result.extend(pk for pk in chunk if pk in allowed)
    return result[:limit]
