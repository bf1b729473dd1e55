"""Profile one page's full render in-process: queries, time per render and a cProfile listing.

    DJANGO_SETTINGS_MODULE=hub.settings.dev DATABASE_URL=sqlite:////tmp/x/db.sqlite3 \
        python bench/profile_page.py [path] [--save out.html]

Runs against a database that already holds the demo (``manage.py migrate; manage.py
load_demo``). The page cache is off (PAGE_CACHE_SECONDS=0) and so, by default, is the fragment
cache (FRAGMENT_CACHE_SECONDS=0): every byte is rendered, as in bench/load.py's "fragments off"
pass. With ``--fragments`` the fragment cache stays on and warm, as for a signed-in reader or a
page-cache miss in production (bench/load.py's "uncached" pass); ``--signed-in`` renders for a
signed-in person (the first active superuser). Without a path it profiles the first live
English guideline. Prints the number of queries per render (with the SQL when PROFILE_SQL=1),
the mean time over PROFILE_RUNS renders (default 50) and the most expensive functions (own
time, and the project's by cumulative time).
"""

import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
os.environ["PAGE_CACHE_SECONDS"] = "0"
if "--fragments" not in sys.argv:
    os.environ["FRAGMENT_CACHE_SECONDS"] = "0"
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def main(argv):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from knowledge.models import GuidelinePage

    args = [a for a in argv if not a.startswith("--")]
    save = argv[argv.index("--save") + 1] if "--save" in argv else None
    if save in args:
        args.remove(save)
    if args:
        path = args[0]
    else:
        page = GuidelinePage.objects.live().filter(locale__language_code="en").first()
        path = page.url
    client = Client(HTTP_HOST="localhost")
    if "--signed-in" in argv:
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.filter(is_active=True, is_superuser=True)[0])
    runs = int(os.environ.get("PROFILE_RUNS", "50"))
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    if save:
        Path(save).write_bytes(response.content)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    print(f"{path}: {len(queries)} queries per full render, {len(response.content)} bytes")
    if os.environ.get("PROFILE_SQL") == "1":
        for query in queries.captured_queries:
            print("  ", query["sql"][:300])
    started = time.perf_counter()
    for _ in range(runs):
        client.get(path)
    elapsed = (time.perf_counter() - started) / runs
    print(f"mean {elapsed * 1000:.1f} ms per render over {runs} (≈ {1 / elapsed:.0f} req/s/core)")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    ours = r"(hub|knowledge|projects|search|induction)/|wagtail/blocks|templatetags"
    stats.sort_stats("cumulative").print_stats(ours, 40)
    print(out.getvalue())


if __name__ == "__main__":
    main(sys.argv[1:])
