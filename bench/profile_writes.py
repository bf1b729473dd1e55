"""Profile the mixed benchmark's writes in-process: queries and time per POST, and cProfile.

    DJANGO_SETTINGS_MODULE=hub.settings.production SECRET_KEY=x ALLOWED_HOSTS=localhost \
        DATABASE_URL=sqlite:////tmp/x/db.sqlite3 python bench/profile_writes.py [kind ...]

Runs against a database that already holds the demo (``manage.py migrate; manage.py
load_demo``), as bench/mixed.py's officers write: a signed-in officer (a bench account like
the demo officer, created here when missing) ticks and unticks an induction checklist item,
answers "Was this helpful?" on a guideline (asking for JSON, as its script does), asks to
join a project and withdraws the request.
Kinds: ``progress``, ``feedback``, ``join``, ``withdraw`` (default: all). For each it prints
the queries per request (the SQL with PROFILE_SQL=1), the mean time over PROFILE_RUNS requests
(default 30), wall clock and this process's CPU (which includes SQLite's work, and is the
steadier figure on a busy machine) and, with PROFILE_CPROFILE=1, the most expensive
functions. Requests come "through the TLS proxy" (``X-Forwarded-Proto: https``) so
production settings apply as served.
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
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")

KINDS = ("progress", "feedback", "join", "withdraw")


def bench_officer():
    """A bench officer with the demo officer's groups and terms (made once)."""
    from django.contrib.auth import get_user_model

    from induction.models import OfficerTerm

    user_model = get_user_model()
    demo = user_model.objects.get(email="officer@demo.partnershiphub.eu")
    user, created = user_model.objects.get_or_create(
        email="profile-officer@bench.invalid",
        defaults={"first_name": "Profile", "last_name": "Officer"},
    )
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(*demo.groups.all())
        for term in OfficerTerm.objects.filter(user=demo):
            OfficerTerm.objects.create(
                user=user, role=term.role, starts_on=term.starts_on, ends_on=term.ends_on
            )
    return user


def targets(user):
    """The checklist, guidelines and a project this officer may write to."""
    from induction.models import TrainingModulePage
    from induction.progress import ProgressRefused, check_can_track
    from knowledge.models import GuidelinePage
    from projects import joining
    from projects.models import ProjectPage

    checklist = None
    for module in TrainingModulePage.objects.live().filter(locale__language_code="en"):
        try:
            check_can_track(user, module)
        except ProgressRefused:
            continue
        for block in module.lessons:
            if block.block_type == "checklist":
                items = [item.id for item in block.value["items"].bound_blocks]
                checklist = (module.url + "progress/", block.id, items[0])
                break
        if checklist:
            break
    guidelines = [
        page.url + "feedback/"
        for page in GuidelinePage.objects.live().filter(locale__language_code="en")
    ]
    project = next(
        page
        for page in ProjectPage.objects.live().filter(locale__language_code="en")
        if joining.refusal(user, page.get_canonical()) is None
    )
    return checklist, guidelines, project


def main(argv):
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from hub.models import RateCounter
    from projects.models import JoinRequest

    kinds = [a for a in argv if a in KINDS] or list(KINDS)
    runs = int(os.environ.get("PROFILE_RUNS", "30"))
    user = bench_officer()
    checklist, guidelines, project = targets(user)
    client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    # Static files as collected or not (production's manifest needs `collectstatic`).
    plain_static = dict(
        settings.STORAGES,
        staticfiles={"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    )
    state = {"ticked": False, "guideline": 0, "request": None, "queries": []}
    state.update(elapsed=0.0, cpu=0.0)

    def post(url, form, **headers):
        """The POST alone, with its queries (not the profiler's own set-up around it). As in
        bench/writers.py, the messages cookie is dropped (the page shown next consumes it)."""
        started, cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, form, headers=headers)
        state["elapsed"] += time.perf_counter() - started
        state["cpu"] += time.process_time() - cpu
        state["queries"] = queries.captured_queries
        client.cookies.pop("messages", None)
        return response

    def progress():
        state["ticked"] = not state["ticked"]
        form = {"action": "checklist", "block": checklist[1]}
        if state["ticked"]:
            form["item"] = [checklist[2]]
        return post(checklist[0], form)

    def feedback():
        RateCounter.objects.filter(key__startswith="knowledge:feedback:").delete()
        url = guidelines[state["guideline"] % len(guidelines)]
        state["guideline"] += 1
        return post(
            url,
            {"helpful": "yes", "comment": ""},
            accept="application/json",
            origin="https://localhost",  # a browser's POST from the page itself
        )

    def join():
        JoinRequest.objects.filter(officer=user).delete()  # room under the hourly limit
        response = post(
            f"/en/projects/manage/{project.pk}/join/",
            {"message": "Benchmark: I would like to help.", "how_to_help": "Surveys."},
        )
        state["request"] = JoinRequest.objects.filter(officer=user).latest("pk").pk
        return response

    def withdraw():
        measured = state["elapsed"], state["cpu"]
        join()
        state["elapsed"], state["cpu"] = measured  # the withdrawal's time alone
        return post(f"/en/projects/requests/{state['request']}/withdraw/", {})

    actions = {"progress": progress, "feedback": feedback, "join": join, "withdraw": withdraw}
    # Settle each path once (first-request imports, template loading) before measuring.
    with override_settings(STORAGES=plain_static):
        client.get(checklist[0].removesuffix("progress/"))  # a page view first, as a browser
        for kind in kinds:
            actions[kind]()
        for kind in kinds:
            action = actions[kind]
            response = action()
            own = state["queries"]
            print(f"{kind}: HTTP {response.status_code}, {len(own)} queries")
            if os.environ.get("PROFILE_SQL") == "1":
                for query in own:
                    print("   ", query["sql"][:200])
            state["elapsed"] = state["cpu"] = 0.0
            for _ in range(runs):
                action()
            print(
                f"    mean {state['elapsed'] / runs * 1000:.1f} ms per POST over {runs}, "
                f"{state['cpu'] / runs * 1000:.1f} ms of this process's CPU (SQLite included)"
            )
            if os.environ.get("PROFILE_CPROFILE") == "1":
                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(runs):
                    action()
                profiler.disable()
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out)
                stats.sort_stats("tottime").print_stats(20)
                ours = r"(hub|knowledge|projects|induction)/"
                stats.sort_stats("cumulative").print_stats(ours, 30)
                print(out.getvalue())
    JoinRequest.objects.filter(officer=user).delete()


if __name__ == "__main__":
    main(sys.argv[1:])
