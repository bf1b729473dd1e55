"""``manage.py search_catch_up``: replay index writes the search engine missed.

Run it after an engine outage (or from cron every few minutes: it is cheap when nothing is
queued). It exits with an error while the engine is still unreachable, leaving the queue as it
is. ``--since 2h`` (or an ISO date-time) also re-indexes pages changed in that window;
``--rebuild`` rebuilds every index, like ``update_index``.
"""

import re
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from search.catchup import EngineUnavailable, catch_up, engine_aliases

_DURATION = re.compile(r"^(\d+)([mhd])$")


def parse_since(value):
    match = _DURATION.match(value.strip())
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {"m": timedelta(minutes=amount), "h": timedelta(hours=amount)}.get(
            unit, timedelta(days=amount)
        )
        return timezone.now() - delta
    moment = parse_datetime(value.strip())
    if moment is None:
        raise CommandError(f"--since: expected e.g. 90m, 2h, 1d or 2025-06-01T12:00, not {value!r}")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = "Bring the search engine's index up to date after writes it missed."

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="Only this WAGTAILSEARCH_BACKENDS alias.")
        parser.add_argument(
            "--since", help="Also re-index pages changed since then (90m, 2h, 1d or ISO time)."
        )
        parser.add_argument("--rebuild", action="store_true", help="Rebuild every index.")

    def handle(self, *args, **options):
        since = parse_since(options["since"]) if options["since"] else None
        aliases = [options["backend"]] if options["backend"] else engine_aliases()
        if not aliases:
            self.stdout.write("No search engine configured (SEARCH_URL unset): nothing to do.")
            return
        failed = False
        for alias in aliases:
            try:
                report = catch_up(alias, since=since, rebuild=options["rebuild"])
            except EngineUnavailable as exc:
                self.stderr.write(str(exc))
                failed = True
                continue
            self.stdout.write(str(report))
            failed = failed or bool(report.failed)
        if failed:
            raise CommandError("The search index is not caught up yet; run this again later.")
