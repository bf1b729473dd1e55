"""A moved page takes its whole subtree to new tree paths: tell the search engines.

Wagtail re-indexes the moved page itself, but its descendants get their new ``path`` through
one SQL update, so an engine would keep filtering them by the old one (``descendant_of``, and
``public()``'s exclusion of private sections: a page moved under a private section could
still be found). After the move commits, a task re-indexes the subtree on every engine;
failed writes are queued for ``manage.py search_catch_up`` like any other. The database
backends need nothing: they filter through the database, where the paths are already right.
"""

import logging

from django.db import transaction
from django_tasks import task
from modelsearch.index import get_indexed_instance
from wagtail.search.backends import get_search_backend

from search.catchup import engine_aliases

logger = logging.getLogger(__name__)


@task()
def reindex_subtree(page_id):
    """Re-index ``page_id`` and every page below it on each engine; return how many writes."""
    from wagtail.models import Page

    root = Page.objects.filter(pk=page_id).only("path").first()
    if root is None:
        return 0
    writes = 0
    for alias in engine_aliases():
        backend = get_search_backend(alias)
        subtree = Page.objects.filter(path__startswith=root.path).order_by("path").specific()
        for page in subtree.iterator(chunk_size=500):
            indexed = get_indexed_instance(page)
            if indexed is not None:
                backend.add(indexed)  # a failed write is logged and queued for catch-up
                writes += 1
    return writes


def on_page_moved(sender, instance, **kwargs):
    if instance.numchild == 0 or not engine_aliases():
        return  # a leaf is re-indexed by Wagtail itself
    page_id = instance.pk
    transaction.on_commit(lambda: reindex_subtree.enqueue(page_id))
