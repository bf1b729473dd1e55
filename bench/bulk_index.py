"""Fast bulk indexing into an engine: for rebuilding large indexes and for benchmarks.

Compared with looping over ``index.add_items`` (what ``update_index`` does), this

- reads objects in primary-key order without ``OFFSET`` (constant cost per batch),
- prefetches the many-to-many relations the documents embed (Wagtail leaves modelcluster's
  ``ParentalManyToManyField`` out of its prefetching, costing one query per object), and
- builds documents while the engine is still ingesting the previous batches
  (``parallel_bulk``: the HTTP requests run in threads, which wait on the engine, not Python).
"""

from hub.indexing import prefetch_parental_relations

READ_BATCH = 1000
BULK_CHUNK = 500
BULK_TIMEOUT = 120  # seconds for one bulk request while (re)building an index


def parallel_bulk(backend, actions, *, timeout=BULK_TIMEOUT, **kwargs):
    """The engine client's ``helpers.parallel_bulk``, with a timeout meant for bulk loads."""
    client = backend.es
    if type(client).__module__.startswith("opensearchpy"):
        from opensearchpy.helpers import parallel_bulk as bulk

        return bulk(client, actions, request_timeout=timeout, **kwargs)
    from elasticsearch.helpers import parallel_bulk as bulk

    return bulk(client.options(request_timeout=timeout), actions, **kwargs)


def indexed_queryset(model):
    return prefetch_parental_relations(model, model.get_indexed_objects())


def iter_objects(queryset, batch=READ_BATCH):
    queryset = queryset.order_by("pk")
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        objects = list(page[:batch])
        if not objects:
            return
        yield from objects
        last = objects[-1].pk


def index_model(backend, model, *, index=None, threads=2, chunk_size=BULK_CHUNK):
    """Index every indexable object of ``model`` into ``index``; return how many."""
    index = index or backend.get_index_for_model(model)
    mapping = backend.mapping_class(model)

    def actions():
        for obj in iter_objects(indexed_queryset(model)):
            yield {"_id": mapping.get_document_id(obj), **mapping.get_document(obj)}

    count = 0
    for ok, info in parallel_bulk(
        backend, actions(), index=index.name, thread_count=threads, chunk_size=chunk_size
    ):
        if not ok:
            raise RuntimeError(f"bulk indexing failed: {info}")
        count += 1
    return count
