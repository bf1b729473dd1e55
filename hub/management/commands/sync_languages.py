"""Mirror every published page into every synchronised language (as alias pages).

Pages published from now on are mirrored when they are published (``hub.aliases``); run
this once on a site with pages published before that, or after adding a language. Safe to run
any time: pages that exist in a language, as translations or aliases, are left alone.
"""

from django.core.management.base import BaseCommand

from hub.aliases import sync_all_languages


class Command(BaseCommand):
    help = "Give every published page an alias in each synchronised language it is missing from."

    def handle(self, *args, **options):
        created = sync_all_languages()
        if options["verbosity"]:
            self.stdout.write(f"{created} alias page(s) created.")
