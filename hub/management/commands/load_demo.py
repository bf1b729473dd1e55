import importlib
import time
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from hub.demo import DEMO_PASSWORD, DemoContext, sync_locales


@contextmanager
def indexes_rebuilt_afterwards():
    """No search or reference-index update on each save while the demo loads.

    Loading saves about 2,000 objects, each of which would update the search index and the
    reference index one by one (about 30 of a load's 90 seconds); both are rebuilt in one pass
    afterwards instead. The search side uses the backends' documented ``AUTO_UPDATE`` option.
    """
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {"default": {}})
    paused = {name: {**params, "AUTO_UPDATE": False} for name, params in backends.items()}
    with disable_reference_index_auto_update(), override_settings(WAGTAILSEARCH_BACKENDS=paused):
        yield


class Command(BaseCommand):
    help = "Create (or complete) the demo site: pages in several languages and demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Leave the search and reference indexes unbuilt (for tests that need neither).",
        )
        parser.add_argument(
            "--export-translations",
            action="store_true",
            help="Write demo/translations/<lang>.json with every text still to translate.",
        )

    def handle(self, *args, **options):
        # The demo's words live in the checkout's demo/ package, which the production image
        # leaves out (.dockerignore): the demo runs from a checkout (`make demo`).
        try:
            from demo import translate as demo_translations
        except ModuleNotFoundError as exc:
            if exc.name not in ("demo", "demo.translate"):
                raise
            raise CommandError(
                "The demo content (the demo/ directory) is not installed here; "
                "run load_demo from a checkout of the project."
            ) from exc
        started = time.monotonic()
        ctx = DemoContext(stdout=self.stdout)
        with transaction.atomic(), indexes_rebuilt_afterwards():
            for app_config in apps.get_app_configs():
                try:
                    module = importlib.import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app_config.name}.demo":
                        raise
                    continue
                if hasattr(module, "load"):
                    module.load(ctx)
            sync_locales(ctx)
            demo_translations.load(ctx)
        if options["export_translations"]:
            for path in demo_translations.export():
                self.stdout.write(f"Wrote {path}")
        if not options["no_index"] and any(ctx.created.values()):
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        created = ", ".join(f"{n} {label}" for label, n in ctx.created.items() if n) or "nothing"
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f}s")
            + f" (created: {created})."
        )
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for user in ctx.users.values():
            groups = ", ".join(user.groups.values_list("name", flat=True)) or (
                "superuser" if user.is_superuser else "-"
            )
            self.stdout.write(f"  {user.email:40} {groups}")
