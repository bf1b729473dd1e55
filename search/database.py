"""The database search backend, with fast ranked paths on SQLite and PostgreSQL.

Wagtail's SQLite backend ranks results with a correlated sub-query that re-runs the full-text
match once per candidate row, which grows to hundreds of milliseconds at a few thousand pages.
For the service's "ids in relevance order" question this backend answers with one FTS5 query
ordered by ``bm25`` (title weighted above body), then keeps the ids the caller's queryset allows.

Wagtail's PostgreSQL backend matches ``title || body`` through a join from the content table,
which no index serves, so every search reads every index entry. Here each word is first looked
up in the GIN indexes on ``title`` and ``body`` (a bitmap AND of ORs), only those rows are
checked against the whole query and ranked with ``ts_rank`` (title weighted above body).
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
MAX_WORDS = 12


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


def _ranked_postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    class RankedPostgresSearchBackend(PostgresSearchBackend):
        def ranked_ids(
            self, queryset, query_string, *, fields=None, operator="and", limit=2000, exact=True
        ):
            words = query_string.split()[:MAX_WORDS]
            if fields or not words:  # named fields: the stock path searches the model's columns
                found = self.search(
                    query_string, queryset.only("pk"), fields=fields, operator=operator
                )
                return [obj.pk for obj in found[:limit]]
            if not exact:
                return self._ranked(queryset.model, words, operator, limit)
            # Filter the ranked candidates through the caller's queryset; an ``IN (sub-query)``
            # over the text ``object_id`` makes PostgreSQL give up its indexes.
            fetch = max(limit * 3, CHUNK)
            ranked = self._ranked(queryset.model, words, operator, fetch)
            if len(ranked) == fetch:
                ranked = self._ranked(queryset.model, words, operator, None)
            result = []
            for start in range(0, len(ranked), CHUNK):
                result.extend(_allowed_in_order(queryset, ranked[start : start + CHUNK]))
                if len(result) >= limit:
                    break
            return result[:limit]

        def _ranked(self, model, words, operator, limit):
            table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
            config_sql = "%s::regconfig, " if self.config else ""
            config_params = [self.config] if self.config else []
            word_sql = f"plainto_tsquery({config_sql}%s)"
            with connection.cursor() as cursor:
                # Words the text configuration drops (stop words) ask nothing.
                cursor.execute(
                    "SELECT " + ", ".join([f"numnode({word_sql})"] * len(words)),
                    [arg for word in words for arg in (*config_params, word)],
                )
                words = [
                    word for word, nodes in zip(words, cursor.fetchone(), strict=True) if nodes
                ]
            if not words:
                return []
            # Each word is one GIN lookup in title and one in body (a bitmap AND of ORs), which
            # is exactly "every word in title or body"; the whole query ranks the rows found.
            where, params = [], []
            for word in words:
                where.append(f"(e.title @@ {word_sql} OR e.body @@ {word_sql})")
                params += [*config_params, word] * 2
            if operator == "and":
                whole = word_sql
                whole_params = [*config_params, " ".join(words)]
            else:
                whole = " || ".join([word_sql] * len(words))
                whole_params = [arg for word in words for arg in (*config_params, word)]
            joiner = " AND " if operator == "and" else " OR "
            sql = (
                f"SELECT e.object_id FROM {table} e, (SELECT {whole} AS q) query "  # noqa: S608
                f"WHERE e.content_type_id = ANY(%s) AND ({joiner.join(where)}) "
                "ORDER BY ts_rank(e.title, query.q) * e.title_norm * %s "
                "+ ts_rank(e.body, query.q) DESC, e.id"
            )
            all_params = whole_params + [get_descendants_content_types_pks(model)] + params
            all_params.append(TITLE_WEIGHT)
            if limit is not None:
                sql += " LIMIT %s"
                all_params.append(limit)
            with connection.cursor() as cursor:
                cursor.execute(sql, all_params)
                return [int(row[0]) for row in cursor.fetchall()]

    return RankedPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the factory up by this name)
    backend = StockSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _ranked_sqlite_backend_class()(params)
    if connection.vendor == "postgresql" and type(backend).__name__ == "PostgresSearchBackend":
        return _ranked_postgres_backend_class()(params)
    return backend
