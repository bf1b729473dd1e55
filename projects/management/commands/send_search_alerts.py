"""E-mail each saved search's new matching projects (run it from cron or the task worker)."""

from django.core.management.base import BaseCommand

from projects.alert_digest import send_alerts
from projects.models import SavedSearch


class Command(BaseCommand):
    help = (
        "E-mail the owners of saved registry searches the projects newly published that "
        "match them, each project once. Without --frequency, only searches whose day or "
        "week is over are checked."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=SavedSearch.Frequency.values,
            help="check every search of this frequency (for a cron job per frequency)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="list what would be sent; send and record nothing",
        )

    def handle(self, *args, frequency=None, dry_run=False, **options):
        def report(search, projects):
            titles = ", ".join(project.title for project in projects)
            self.stdout.write(f"{search.owner.email} · {search.name}: {titles}")

        summary = send_alerts(frequency, dry_run=dry_run, report=report)
        verb = "would send" if dry_run else "sent"
        self.stdout.write(
            f"{summary['searches']} saved searches checked; {verb} {summary['emails']} "
            f"e-mails with {summary['projects']} projects."
        )
