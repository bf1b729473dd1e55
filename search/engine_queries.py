"""Engine queries: searching all fields also searches the title alone, boosted.

The engine backends (:mod:`search.backends`) compile their queries with these classes. They
override modelsearch's underscore methods ``_compile_fuzzy_query`` and ``_remap_fields``
(listed in :mod:`search.upstream`, whose test fails when an upgrade changes one).
"""

from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch3
from modelsearch.backends.elasticsearchbase import Field

from search.engine_mapping import Elasticsearch8Mapping, OpenSearchMapping
from search.engine_stems import StemsCompilerMixin

TITLE_BOOST = 4.0
FUZZY_OPTIONS = {"prefix_length": 1, "max_expansions": 20}


class TitleFirstCompilerMixin:
    """Searching all fields also searches the title alone, boosted above everything else.

    Wagtail's multi-field query takes the best field per document (``best_fields``), and with
    the ``and`` operator a field matches only if it holds every word, so this rewards titles
    that contain the whole query and leaves other matches as they were.
    """

    def _compile_fuzzy_query(self, query, fields):
        """Wagtail's ``"fuzziness": "AUTO"`` match, with the first letter taken as typed and
        fewer variants per word: typos rarely hit the first letter, and scanning the whole
        term dictionary for every word is what makes fuzzy queries slow on large indexes."""
        compiled = super()._compile_fuzzy_query(query, fields)
        options = next(iter(compiled.values()))
        if "fields" not in options:  # {"match": {field: {...}}}
            options = next(iter(options.values()))
        options.update(FUZZY_OPTIONS)
        return compiled

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        if not fields:
            for field in self.queryset.model.get_searchable_search_fields():
                if field.field_name == "title":
                    column = self.mapping.get_field_column_name(field)
                    remapped.append(Field(column, TITLE_BOOST))
                    break
        return remapped


class OpenSearchQueryCompiler(
    StemsCompilerMixin, TitleFirstCompilerMixin, opensearch3.OpenSearch3SearchQueryCompiler
):
    mapping_class = OpenSearchMapping


class Elasticsearch8QueryCompiler(
    StemsCompilerMixin, TitleFirstCompilerMixin, elasticsearch8.Elasticsearch8SearchQueryCompiler
):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch9QueryCompiler(
    StemsCompilerMixin, TitleFirstCompilerMixin, elasticsearch9.Elasticsearch9SearchQueryCompiler
):
    mapping_class = Elasticsearch8Mapping  # Wagtail's ES 9 mapping is its ES 8 one, renamed
