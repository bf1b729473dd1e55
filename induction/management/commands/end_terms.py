from django.core.management.base import BaseCommand

from induction.succession import end_terms


class Command(BaseCommand):
    help = (
        "Flag the projects of officers whose term has ended as needing a new owner. "
        "Run it daily (for example from cron); running it again changes nothing."
    )

    def handle(self, *args, **options):
        results = end_terms()
        for term, changed in results:
            self.stdout.write(f"{term}: {changed} project pages flagged")
        self.stdout.write(self.style.SUCCESS(f"{len(results)} ended terms handled."))
