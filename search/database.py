"""The database search backend, with a fast ranked path on SQLite.

Wagtail's SQLite backend ranks results with a correlated sub-query that re-runs the full-text
match once per candidate row, which grows to hundreds of milliseconds at a few thousand pages.
For the service's "ids in relevance order" question this backend answers with one FTS5 query
ordered by ``bm25`` (title weighted above body), then keeps the ids the caller's queryset allows.
Everything else (indexing, ``search()``, autocomplete) is the stock backend.
"""

from django.apps import apps
from django.db import connection
from django.db.models.expressions import RawSQL
from modelsearch.backends.database import SearchBackend as StockSearchBackend
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

# FTS5 columns are (autocomplete, body, title); bm25 is lower-is-better.
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0


CHUNK = 2000


def _allowed_in_order(queryset, pks):
    allowed = set(queryset.filter(pk__in=pks).values_list("pk", flat=True))
    return [pk for pk in pks if pk in allowed]


def _ranked_sqlite_backend_class():
    from modelsearch.backends.database.sqlite.query import MatchExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    class RankedSQLiteSearchBackend(SQLiteSearchBackend):
        def ranked_ids(
            self, queryset, query_string, *, fields=None, operator="and", limit=2000, exact=True
        ):
            fts_model = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")
            compiler = self.query_compiler_class(
                queryset, PlainText(query_string, operator=operator), fields=fields
            )
            search_query = compiler.build_search_query(compiler.query, config=self.config)
            if search_query is None:
                return []
            match = MatchExpression(fields or compiler.FTS_TABLE_FIELDS, search_query)
            table = fts_model._meta.db_table
            matching = fts_model.objects.filter(match).filter(
                index_entry__content_type__in=get_descendants_content_types_pks(queryset.model)
            )
            ranked = (
                matching.annotate(
                    # The table name comes from the model, the weights are parameters.
                    score=RawSQL(f"bm25({table}, 0.0, %s, %s)", (BODY_WEIGHT, TITLE_WEIGHT))  # noqa: S611
                )
                .order_by("score")
                .values_list("index_entry__object_id", flat=True)
            )
            if not exact:
                # The caller intersects the ids with its own set: skip the queryset pass.
                return [int(pk) for pk in ranked[:limit]]
            # Filter the ranked candidates through the caller's queryset in primary-key
            # chunks: an ``IN (sub-query)`` over the text ``object_id`` defeats SQLite's index.
            result = []
            chunk = []
            for object_id in ranked.iterator(chunk_size=CHUNK):
                chunk.append(int(object_id))
                if len(chunk) == CHUNK:
                    result.extend(_allowed_in_order(queryset, chunk))
                    chunk = []
                    if len(result) >= limit:
                        break
            if chunk and len(result) < limit:
                result.extend(_allowed_in_order(queryset, chunk))
            return result[:limit]

    return RankedSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the factory up by this name)
    backend = StockSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _ranked_sqlite_backend_class()(params)
    return backend
