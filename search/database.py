"""The database search backend, with fast ranked paths on SQLite and PostgreSQL.

On SQLite: stemmed index and queries, the search syntax and one ``bm25``-ordered FTS5 query
(:mod:`search.database_sqlite`).

Wagtail's PostgreSQL backend matches ``title || body`` through a join from the content table,
which no index serves, so every search reads every index entry. Here each word is looked up in
the GIN indexes on ``title`` and ``body`` (a bitmap AND of ORs); titles holding the whole query
come first, ranked with ``ts_rank``, then other matches (see ``_ranked``). Writes no longer scan
the whole index to refresh title norms (see ``IncrementalTitleNormIndex``).
Each page is indexed with its language's text-search configuration and each query is analysed
with the configuration of the language it is asked in (:mod:`search.languages`), unless the
backend's ``SEARCH_CONFIG`` names one configuration for everything.
Everything else (indexing, ``search()``, autocomplete) is the stock backend.

The ranked paths and the indexer use parts of modelsearch that it does not publish; each is
listed in :mod:`search.upstream`, whose test fails when an upgrade changes one.
"""

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import translation
from modelsearch.backends.database import SearchBackend as StockSearchBackend
from modelsearch.utils import get_descendants_content_types_pks

from search import stemming, syntax
from search.languages import (
    ALL,
    POSTGRES_CONFIGS,
    POSTGRES_FOLDING_CONFIG,
    POSTGRES_STEMMED_IN_PYTHON,
    base_language,
    object_language,
    query_language,
)
from search.ranking import RankedIdsMixin, allowed_in_order

TITLE_WEIGHT = 5.0


TITLE_AVERAGE_KEY = "search:postgres-title-average"
TITLE_AVERAGE_TTL = 600


def _tsquery(item, configs):
    """The SQL and parameters of one query item's tsquery (:mod:`search.syntax`): a word with
    ``plainto_tsquery``, a phrase with ``phraseto_tsquery``, ``OR`` with ``||``; asked in each
    of ``configs`` (``(configuration, language stemmed in Python or None)``) and the answers
    OR-ed. User text is only ever a parameter."""
    if isinstance(item, syntax.AnyOf):
        parts = [_tsquery(option, configs) for option in item.options]
        sql = "(" + " || ".join(part for part, _args in parts) + ")"
        return sql, [arg for _part, args in parts for arg in args]
    function = "phraseto_tsquery" if isinstance(item, syntax.Phrase) else "plainto_tsquery"
    text = " ".join(syntax.item_words(item))
    sql = "(" + " || ".join([f"{function}(%s::regconfig, %s)"] * len(configs)) + ")"
    args = []
    for config, stemmed_in in configs:
        args += [config, stemming.analyse(text, stemmed_in) if stemmed_in else text]
    return sql, args


def _asking(items, configs):
    """``[(sql, params)]`` of the items that ask something: words the text configurations
    drop (stop words) ask nothing."""
    built = [_tsquery(item, configs) for item in items]
    if not built:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join(f"numnode({sql})" for sql, _args in built),
            [arg for _sql, args in built for arg in args],
        )
        counts = cursor.fetchone()
    return [part for part, nodes in zip(built, counts, strict=True) if nodes]


def _ranked_postgres_backend_class():
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.db.models import Avg, F
    from django.db.models.functions import Length
    from django.db.models.sql.subqueries import InsertQuery
    from django.utils.functional import cached_property
    from modelsearch.backends.database.postgres.postgres import (
        ObjectIndexer,
        PostgresIndex,
        PostgresSearchBackend,
    )
    from modelsearch.index import AutocompleteField, SearchField

    class OnePassObjectIndexer(ObjectIndexer):
        """Wagtail's indexer reads every field of the object five times (once each for the
        title, body and autocomplete vectors and the two plain-text mirrors, stream fields
        rendered each time); this reads them once."""

        def __init__(self, obj, backend):
            super().__init__(obj, backend)
            language = object_language(obj)
            self.config = backend.config_for(language)
            self.stemmed_in = backend.stemmed_in_python(language)

        def _analysed(self, texts):
            """Title or body texts as Snowball stems, for a language stemmed in Python."""
            if not self.stemmed_in:
                return texts
            return [(stemming.analyse(value, self.stemmed_in), w) for value, w in texts]

        @cached_property
        def _prepared(self):
            return [
                item for field in self.search_fields for item in self.prepare_field(self.obj, field)
            ]

        def _texts(self, kind, title):
            return [
                (value, weight)
                for field, weight, value in self._prepared
                if isinstance(field, kind)
                and (kind is AutocompleteField or (field.field_name == "title") == title)
            ]

        @cached_property
        def title(self):
            return self.as_vector(self._analysed(self._texts(SearchField, True)))

        @cached_property
        def body(self):
            return self.as_vector(self._analysed(self._texts(SearchField, False)))

        @cached_property
        def autocomplete(self):
            return self.as_vector(self._texts(AutocompleteField, None), for_autocomplete=True)

        @cached_property
        def title_text(self):
            texts = (value.strip() for value, _w in self._texts(SearchField, True))
            return " ".join(text for text in texts if text)

        @cached_property
        def body_text(self):
            texts = (value.strip() for value, _w in self._texts(SearchField, False))
            return " ".join(text for text in texts if text)

    class IncrementalTitleNormIndex(PostgresIndex):
        """Wagtail's index, minus a full-table pass on every save.

        After each write Wagtail recomputes the average title length over the whole index and
        rewrites every row whose norm is still the default: two sequential scans per published
        page, and quadratic work when loading many. Here the average is kept for
        ``TITLE_AVERAGE_TTL`` seconds and only the rows just written get their norm.
        ``update_index`` still does the full, exact refresh.
        """

        _written = None

        def add_items(self, model, objs):
            """Upsert one index entry per object (the same rows as Wagtail's, built faster)."""
            objs = list(objs)
            if not objs or not model.get_search_fields():
                return
            entry = apps.get_model("wagtailsearch", "IndexEntry")
            compiler = InsertQuery(entry).get_compiler(connection=self.write_connection)

            def vector(name, value):
                prepared = compiler.prepare_value(entry._meta.get_field(name), value)
                return prepared.as_sql(compiler, self.write_connection)

            rows, params = [], []
            content_type = ContentType.objects.get_for_model(model).pk
            for obj in objs:
                indexer = OnePassObjectIndexer(obj, self.backend)
                parts = []
                row_params = [content_type, indexer.id]
                for name in ("title", "autocomplete", "body"):
                    sql, args = vector(name, getattr(indexer, name))
                    parts.append(sql)
                    row_params.extend(args)
                rows.append(f"(%s, %s, {parts[0]}, {parts[1]}, {parts[2]}, 1.0, %s, %s)")
                params.extend([*row_params, indexer.title_text, indexer.body_text])
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {entry._meta.db_table} "  # noqa: S608
                    "(content_type_id, object_id, title, autocomplete, body, title_norm, "
                    f"title_text, body_text) VALUES {', '.join(rows)} "
                    "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                    "title = EXCLUDED.title, title_norm = 1.0, "
                    "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                    "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                    params,
                )
            self._written = (model, [str(obj.pk) for obj in objs])
            try:
                self._refresh_title_norms()
            finally:
                self._written = None

        def _refresh_title_norms(self, full=False):
            if full or self._written is None:
                cache.delete(TITLE_AVERAGE_KEY)
                return super()._refresh_title_norms(full=full)
            average = cache.get(TITLE_AVERAGE_KEY)
            if average is None:
                average = (
                    self.entries.annotate(title_length=Length("title"))
                    .filter(title_length__gt=0)
                    .aggregate(Avg("title_length"))["title_length__avg"]
                )
                cache.set(TITLE_AVERAGE_KEY, average, TITLE_AVERAGE_TTL)
            model, object_ids = self._written
            self.entries.filter(
                content_type_id__in=get_descendants_content_types_pks(model),
                object_id__in=object_ids,
            ).annotate(title_length=Length("title")).filter(title_length__gt=0).update(
                title_norm=average / F("title_length")
            )

    class RankedPostgresSearchBackend(RankedIdsMixin, PostgresSearchBackend):
        """Also: one text-search configuration per language (see the module docstring).

        ``config`` (which Wagtail's query compiler and indexer read) is the configuration of
        the reader's active language, or the fixed ``SEARCH_CONFIG`` when one is set."""

        index_class = IncrementalTitleNormIndex

        @property
        def config(self):
            return self.config_for(query_language())

        @config.setter
        def config(self, value):  # Wagtail's __init__ sets SEARCH_CONFIG (usually None)
            self.fixed_config = value

        def config_for(self, language):
            """The text-search configuration for ``language`` (a language code)."""
            if self.fixed_config:
                return self.fixed_config
            return POSTGRES_CONFIGS.get(base_language(language), POSTGRES_FOLDING_CONFIG)

        def stemmed_in_python(self, language):
            """``language`` when PostgreSQL gets its words already stemmed (Dutch, Polish:
            :data:`search.languages.POSTGRES_STEMMED_IN_PYTHON`), else ``None``."""
            language = base_language(language)
            if self.fixed_config or language not in POSTGRES_STEMMED_IN_PYTHON:
                return None
            return language

        def configs_for(self, language):
            """``[(configuration, language stemmed in Python or None)]`` a query in
            ``language`` is analysed with: one, or for ``ALL`` every language's (each page was
            indexed with its own language's)."""
            if language == ALL and not self.fixed_config:
                languages = [code for code, _name in settings.LANGUAGES]
                pairs = {
                    (self.config_for(code), self.stemmed_in_python(code)) for code in languages
                }
                return sorted(pairs, key=lambda pair: (pair[0], pair[1] or ""))
            return [(self.config_for(language), self.stemmed_in_python(language))]

        def rank(self, queryset, query, language, *, fields, operator, limit, exact):
            configs = self.configs_for(language)
            if fields:  # named fields: the stock path searches the model's columns
                with translation.override(None if language == ALL else language):
                    found = self.search(
                        query.words(), queryset.only("pk"), fields=fields, operator=operator
                    )
                    return [obj.pk for obj in found[:limit]]
            if not exact:
                return self._ranked(queryset.model, query, operator, limit, configs)
            # Filter the ranked candidates through the caller's queryset, reading a wider
            # window only when the first one did not hold enough allowed ids (the last window,
            # ``None``, reads every match, so the loop always returns).
            for window in (limit * 2, limit * 8, None):
                ranked = self._ranked(queryset.model, query, operator, window, configs)
                result = allowed_in_order(queryset, ranked, limit)
                if len(result) >= limit or window is None or len(ranked) < window:
                    return result

        def _ranked(self, model, query, operator, limit, configs):
            """Two tiers: documents whose title holds the whole query, ranked; then documents
            matching elsewhere, at most ``limit`` of them taken as the index finds them and
            ranked among themselves. Ranking every match of a common word would read every
            matching row (hundreds of milliseconds at 100,000 projects); this reads the title
            matches and ``limit`` more, and the first pages are the same."""
            table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
            required = _asking(query.required, configs)
            excluded = _asking(query.excluded, configs)
            if not required:
                return []
            # Each item is one GIN lookup in title and one in body (a bitmap AND of ORs), which
            # is exactly "every item in title or body"; an excluded item in neither.
            where, params = [], []
            for sql, args in required:
                where.append(f"(e.title @@ {sql} OR e.body @@ {sql})")
                params += args * 2
            joiner = " AND " if operator == "and" else " OR "
            matches = f"e.content_type_id = ANY(%s) AND ({joiner.join(where)})"
            for sql, args in excluded:
                matches += f" AND NOT (e.title @@ {sql} OR e.body @@ {sql})"
                params += args * 2
            match_params = [get_descendants_content_types_pks(model), *params]
            whole = (" && " if operator == "and" else " || ").join(sql for sql, _ in required)
            whole = f"({whole})"
            whole_params = [arg for _sql, args in required for arg in args]
            score = "ts_rank(e.title, q.q) * e.title_norm * %s + ts_rank(e.body, q.q)"
            sql = (
                f"WITH q AS MATERIALIZED (SELECT ({whole}) AS q) "  # noqa: S608
                "SELECT object_id FROM ("
                f"(SELECT e.object_id, 1 AS tier, {score} AS score "
                f"FROM {table} e, q WHERE e.title @@ ({whole}) AND {matches} "
                "ORDER BY score DESC LIMIT %s) "
                "UNION ALL "
                "(SELECT sample.object_id, 0, sample.score FROM "
                f"(SELECT e.object_id, {score} AS score FROM {table} e, q "
                f"WHERE NOT (e.title @@ ({whole})) AND {matches} LIMIT %s) sample)"
                ") ranked ORDER BY tier DESC, score DESC, object_id LIMIT %s"
            )
            # The whole query is inlined where an index should serve it, and read from ``q``
            # where it only scores rows.
            all_params = [
                *whole_params,
                TITLE_WEIGHT,
                *whole_params,
                *match_params,
                limit,
                TITLE_WEIGHT,
                *whole_params,
                *match_params,
                limit,
                limit,
            ]
            with connection.cursor() as cursor:
                cursor.execute(sql, all_params)
                return [int(row[0]) for row in cursor.fetchall()]

    return RankedPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the factory up by this name)
    backend = StockSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from search.database_sqlite import StemmingSQLiteSearchBackend

        return StemmingSQLiteSearchBackend(params)
    if connection.vendor == "postgresql" and type(backend).__name__ == "PostgresSearchBackend":
        return _ranked_postgres_backend_class()(params)
    return backend
