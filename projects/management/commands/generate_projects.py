import time

from django.core.management.base import BaseCommand, CommandError

from projects.bulk import generate


class Command(BaseCommand):
    help = "Bulk-create N varied, published projects in the registry (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, count, seed, batch_size, **options):
        if count < 1:
            raise CommandError("count must be a positive number")
        started = time.monotonic()
        try:
            created = generate(count, seed=seed, batch_size=batch_size, stdout=self.stdout)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {created} projects in {elapsed:.1f}s ({created / elapsed:.0f}/s)."
            )
        )
