"""The SQLite search backend: stemmed index, stemmed queries, the search syntax, one ranked query.

Wagtail's SQLite backend stores text as written, so "surveys" never finds "survey". Here each
object's title and body are indexed as the stems of the object's language
(:func:`search.stemming.analyse`, the language from :func:`search.languages.object_language`);
the autocomplete column stays as written, for prefix matching. A query is parsed once
(:mod:`search.syntax`) and each word is looked up by its stem in the query's language (for
``ALL``: any of its stems in every language), turned into an FTS5 ``MATCH`` expression whose
every word is a quoted string (:func:`search.fts5.fts_match`), so nothing a reader types is an FTS5
operator. ``update_index`` rebuilds the stemmed index.

Wagtail's ranking re-runs the match once per candidate row; :meth:`ranked_ids` answers "ids in
relevance order" with one FTS5 query ordered by ``bm25`` (title weighted above body) instead.
The modelsearch internals used here are listed in :mod:`search.upstream`.
"""

from django.apps import apps
from django.db.models import Value
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import MatchExpression, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search import stemming, syntax
from search.fts5 import fts_match, prefix_match
from search.languages import object_language, query_language
from search.ranking import CHUNK, RankedIdsMixin, allowed_in_order

# FTS5 columns are (autocomplete, body, title); bm25 is lower-is-better.
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
BATCH = 500  # index entries written per statement
MAX_TERMS = 60  # words of one query (FTS5 answers long "any of these words" queries quickly)
SEARCHED_COLUMNS = ("title", "body")
MATCH_NOTHING = '""'  # FTS5's empty string matches no row


def _columns(fields):
    """The full-text columns for named fields: the table has a title and a body column, and
    every field but the title is indexed in the body."""
    names = set(fields or ())
    if not names or ("title" in names and names != {"title"}):
        return list(SEARCHED_COLUMNS)
    return ["title"] if names == {"title"} else ["body"]


class StemmingObjectIndexer(ObjectIndexer):
    """Title and body as the stems of the object's language; each field read once."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = object_language(obj)

    @cached_property
    def _prepared(self):
        return [
            item for field in self.search_fields for item in self.prepare_field(self.obj, field)
        ]

    def _text(self, kind, title):
        return " ".join(
            value
            for field, value in self._prepared
            if isinstance(field, kind)
            and (kind is AutocompleteField or (field.field_name == "title") == title)
        )

    @cached_property
    def title(self):
        return stemming.analyse(self._text(SearchField, True), self.language)

    @cached_property
    def body(self):
        return stemming.analyse(self._text(SearchField, False), self.language)

    @cached_property
    def autocomplete(self):
        return self._text(AutocompleteField, None)


class StemmingSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """Insert or update one index entry per object, with stemmed title and body."""
        if not model.get_search_fields():
            return
        rows = {}
        for obj in objs:
            indexer = StemmingObjectIndexer(obj, self.backend)
            rows[indexer.id] = {
                "title": indexer.title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.body,
            }
        if not rows:
            return
        content_type = get_content_type_pk(model)
        entries = self.entries.filter(content_type_id=content_type)
        existing = dict(entries.filter(object_id__in=rows).values_list("object_id", "pk"))
        if len(existing) == 1:  # one page saved: a plain UPDATE, not bulk_update's CASE
            ((object_id, pk),) = existing.items()
            self.entries.filter(pk=pk).update(**rows[object_id])
        else:
            self.entries.bulk_update(
                [self.entries.model(pk=pk, **rows[o]) for o, pk in existing.items()],
                ["title", "autocomplete", "body"],
                batch_size=BATCH,
            )
        self.entries.bulk_create(
            [
                self.entries.model(content_type_id=content_type, object_id=object_id, **values)
                for object_id, values in rows.items()
                if object_id not in existing
            ],
            batch_size=BATCH,
        )
        self._refresh_title_norms()


class StemmingSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    """Wagtail's own ``search()`` (the admin, named fields) on the stemmed index: a plain-text
    query goes through the search syntax and the stems of the reader's language."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            text = query.query_string
            if isinstance(query, Phrase):
                text = '"' + " ".join(syntax.WORD_RE.findall(text)) + '"'
            operator = getattr(query, "operator", "and").lower()
            match = fts_match(syntax.parse(text, MAX_TERMS), query_language(), operator)
            return SearchQueryExpression(Value(match or MATCH_NOTHING))
        return super().build_search_query_content(query, config=config)


class QuotedSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    """Wagtail's ``autocomplete()`` (the admin's choosers) with every word a quoted FTS5 string:
    upstream passes the words as typed, so a ``"`` in a chooser's search box was an FTS5 syntax
    error (a 500)."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            words = syntax.WORD_RE.findall(query.query_string)[:MAX_TERMS]
            operator = getattr(query, "operator", "and").lower()
            return SearchQueryExpression(Value(prefix_match(words, operator) or MATCH_NOTHING))
        return super().build_search_query_content(query, config=config)


class StemmingSQLiteSearchBackend(RankedIdsMixin, SQLiteSearchBackend):
    index_class = StemmingSQLiteIndex
    query_compiler_class = StemmingSQLiteQueryCompiler
    autocomplete_query_compiler_class = QuotedSQLiteAutocompleteQueryCompiler
    max_terms = MAX_TERMS

    def rank(self, queryset, query, language, *, fields, operator, limit, exact):
        match = fts_match(query, language, operator)
        if match is None:
            return []
        fts_model = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")
        # The full-text table has a title and a body column: other named fields are in body.
        expression = MatchExpression(_columns(fields), Value(match))
        matching = fts_model.objects.filter(expression).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(queryset.model)
        )
        table = fts_model._meta.db_table
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
        return allowed_in_order(queryset, (int(pk) for pk in ranked.iterator(CHUNK)), limit)
