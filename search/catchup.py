"""Bring the engine's index back in step after writes it missed.

Every index write the engine could not take was queued in :class:`search.models.IndexBacklog`
(see :mod:`search.backends`). :func:`catch_up` replays the queue: objects that still exist (and
are indexable) are indexed again, the others are removed from the index. When an index is
missing altogether, or a rebuild was queued, it rebuilds everything with ``update_index``.
``since`` also re-indexes every page published or edited since that moment, for when the
engine lost recent data without anybody noticing (a restore from an older snapshot).
"""

import logging
from dataclasses import dataclass
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone
from modelsearch.index import get_indexed_instance
from wagtail.search.backends import get_search_backend

from hub.cache import bump_version
from search import health
from search.models import REBUILD, IndexBacklog

logger = logging.getLogger(__name__)


class EngineUnavailable(Exception):
    pass


@dataclass
class CatchUpReport:
    backend: str = "default"
    indexed: int = 0
    removed: int = 0
    failed: int = 0
    rebuilt: bool = False
    reindexed_since: int = 0
    left: int = 0

    def __str__(self):
        if self.rebuilt:
            done = "rebuilt every index"
        else:
            done = f"indexed {self.indexed}, removed {self.removed}"
        extra = f", re-indexed {self.reindexed_since} recent pages" if self.reindexed_since else ""
        return (
            f"{self.backend}: {done}{extra}; {self.failed} failed, "
            f"{self.left} still waiting for the engine"
        )


def engine_aliases():
    from search.service import configured_backends

    return [
        alias
        for alias, conf in configured_backends().items()
        if getattr(get_search_backend(alias), "is_engine", False)
    ]


def catch_up(alias="default", *, since=None, rebuild=False):
    """Replay missed writes for the engine ``alias``; raises :class:`EngineUnavailable`."""
    backend = get_search_backend(alias)
    report = CatchUpReport(backend=alias)
    if not getattr(backend, "is_engine", False):
        return report  # the database index is written in the same transaction as the content
    try:
        backend.ping()
    except Exception as exc:
        raise EngineUnavailable(f"{alias}: the search engine does not answer ({exc})") from exc

    started = timezone.now()
    backlog = IndexBacklog.objects.filter(backend=backend.alias)
    missing = [index.name for index in backend.all_indexes() if not index.exists()]
    if rebuild or missing or backlog.filter(model_label=REBUILD).exists():
        if missing:
            logger.warning("Search indexes missing (%s); rebuilding", ", ".join(missing))
        call_command("update_index", backend_name=alias, verbosity=0, stdout=StringIO())
        backend.forget_indexes()
        backlog.filter(recorded_at__lte=started).delete()
        report.rebuilt = True
    else:
        _replay(backend, backlog, report)
    if since is not None:
        report.reindexed_since = _reindex_pages_since(backend, since)
    backend.refresh_indexes()
    if report.rebuilt or report.indexed or report.removed or report.reindexed_since:
        bump_version()  # pages kept for anonymous readers may show the old search results
    report.left = backlog.count()
    if not report.failed:
        health.mark_up(backend.health_key)
    return report


def _replay(backend, backlog, report):
    for row in list(backlog.exclude(model_label=REBUILD)[:100000]):
        try:
            model = apps.get_model(row.model_label)
        except (LookupError, ValueError):
            row.delete()  # the model no longer exists
            continue
        obj = model._default_manager.filter(pk=row.object_pk).first()
        indexed = get_indexed_instance(obj) if obj is not None else None
        try:
            if indexed is not None:
                backend.add_strict(indexed)
                report.indexed += 1
            else:
                backend.delete_strict(model(pk=obj.pk if obj else row.object_pk))
                report.removed += 1
        except Exception as exc:
            report.failed += 1
            backend.note_failure(exc)
            logger.warning("Catch-up could not write %s: %s", row, exc)
            IndexBacklog.objects.filter(pk=row.pk).update(
                attempts=row.attempts + 1, last_error=str(exc)[:500]
            )
            if health.is_outage(exc):
                break  # the engine went away again; the rest stays queued
        else:
            # A newer failure for the same object refreshed the row: keep it for next time.
            IndexBacklog.objects.filter(pk=row.pk, recorded_at=row.recorded_at).delete()


def _reindex_pages_since(backend, since):
    from wagtail.models import Page

    changed = Page.objects.filter(
        Q(last_published_at__gte=since) | Q(latest_revision_created_at__gte=since)
    )
    count = 0
    for page in changed.specific().iterator(chunk_size=500):
        indexed = get_indexed_instance(page)
        if indexed is not None:
            backend.add_strict(indexed)
            count += 1
    return count
