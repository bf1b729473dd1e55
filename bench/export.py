"""Registry exports at scale: time and peak memory of streaming every project as CSV and JSON.

Generates ``--projects`` projects (default 100,000) with the bench generators into a temporary
SQLite database, then downloads ``/en/projects/export/csv/`` and ``…/export/json/`` (all
projects, and a filtered export) through Django's handler, reading the stream chunk by chunk
as a client would. Peak memory is Python's (``tracemalloc``) during the export only, in a
second, traced run, at a tenth of the projects and at all of them: a streamed export's peak
should not grow with the number of rows. Results in ``bench/results/export.json``.

    .venv/bin/python bench/export.py --projects 20000
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

EXPORTS = [
    ("csv", "/en/projects/export/csv/", {}),
    ("json", "/en/projects/export/json/", {}),
    ("csv filtered", "/en/projects/export/csv/", {"status": "active", "sort": "title"}),
]


def download(client, url, params):
    """The size in bytes of one export, read to the end chunk by chunk."""
    response = client.get(url, params)
    if response.status_code != 200:
        raise RuntimeError(f"{url} {params} answered {response.status_code}")
    size = sum(len(chunk) for chunk in response.streaming_content)
    response.close()
    return size


def measure(client, url, params):
    """``(seconds, peak MiB, bytes)``: the time of a plain run, then the peak of a traced
    one (``tracemalloc`` slows Python down, so it does not run while the clock does)."""
    started = time.perf_counter()
    size = download(client, url, params)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    download(client, url, params)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20, size


def run_size(client, size):
    from projects import exports

    client.get("/en/projects/")  # the facet index, built once per content version
    runs = []
    for name, url, params in EXPORTS:
        seconds, peak_mib, size_bytes = measure(client, url, params)
        runs.append(
            {
                "projects": size,
                "export": name,
                "seconds": round(seconds, 2),
                "rows_per_second": None if params else round(size / seconds),
                "peak_mib": round(peak_mib, 1),
                "megabytes": round(size_bytes / 2**20, 1),
                "chunk": exports.EXPORT_CHUNK,
            }
        )
        print(
            f"export {name:<12} {size:>7} projects: {seconds:6.2f} s, peak {peak_mib:6.1f} MiB "
            f"(tracemalloc), {size_bytes / 2**20:6.1f} MB"
        )
    return runs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    args = parser.parse_args(argv)
    directory = tempfile.TemporaryDirectory(prefix="bench-export-")
    os.environ.setdefault("BENCH_SQLITE", str(Path(directory.name) / "export.sqlite3"))
    django.setup()

    from django.test import Client

    from bench.common import write_results
    from bench.generators import generate
    from bench.registry import prepare_database
    from projects.models import ProjectPage

    prepare_database()
    client = Client()
    runs = []
    for size in sorted({max(1, args.projects // 10), args.projects}):
        started = time.perf_counter()
        generate(size - ProjectPage.objects.count(), seed=size, index=False)
        print(f"generated {size} projects in {time.perf_counter() - started:.1f} s")
        runs += run_size(client, size)
    small, large = runs[0], runs[len(EXPORTS)]
    growth = round(large["peak_mib"] / small["peak_mib"], 2) if small["peak_mib"] else None
    path = write_results(
        "export",
        {
            "projects": args.projects,
            "peak_growth_csv_10x_rows": growth,
            "runs": runs,
        },
    )
    print(f"CSV peak memory at 10x the rows: x{growth} ({path})")
    directory.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
