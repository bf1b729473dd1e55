"""Hostile input to every endpoint never answers 5xx (hypothesis).

Every route in the URL configuration (walked from ``get_resolver()``, Wagtail's admin and API
included) and every page type's address in a small page tree (home, registry, a project,
guidance, a guideline, the induction hub, a programme, a module, their routable sub-pages,
search) is requested as an anonymous reader, an officer, a staff member, a moderator and an
editor. Path converters are filled with generated values: real ids, huge ids (2⁶³ and
beyond), Unicode digits, NUL, quotes, ``../``, very long strings and random text. Each address
is fetched with a generated query string, then posted to with a valid CSRF token and form data
built from the forms on the page (their field names and offered values) mixed with hostile
values. Each request runs in a savepoint that is rolled back, so every example starts from the
same data however destructive the previous one was.

The examples are shared out evenly between this project's routes, its pages and Wagtail's and
Django's routes, one test each (so that pytest-xdist can run them on both cores). Each counts
requests and status codes and writes them to ``var/hostile-summary-<database>-<kind>.json``
(and says so in the terminal). It runs in the normal
suite on SQLite and in ``make test-postgres`` on PostgreSQL. The hostile values, the routes and
the reader of a page's forms are in ``tests/hostile_inputs.py``.
"""

import json
import logging
import os
import sys
import time
import traceback
from collections import Counter
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.core.signals import got_request_exception
from django.db import connection, transaction
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page

from hub.models import Notification
from induction.models import CalendarToken, Handover, ManifestoTracker, OfficerTerm, Pledge
from knowledge.models import Feedback
from projects import joining
from tests.conftest import summary_lines
from tests.factories import (
    build_induction,
    make_guidance_index,
    make_guideline,
    make_project,
    make_resource,
)
from tests.hostile_inputs import (
    FORM_NAMES,
    OUR_APPS,
    PARAMS,
    address,
    forms_on,
    hostile,
    specials,
    subpage_routes,
    text,
    walk,
)

pytestmark = pytest.mark.hostile

# Two requests each (GET, then POST): 2,200 requests. HOSTILE_EXAMPLES=n for a longer hunt.
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "1100"))
# This project's routes, its pages, and Wagtail's and Django's own routes each get a third of
# the examples, as one test each: pytest-xdist runs them side by side on two cores.
KINDS = ("ours", "pages", "theirs")
EXAMPLES_PER_KIND = -(-EXAMPLES // len(KINDS))
ROLES = ["anonymous", "officer", "staff", "moderator", "editor"]
SUMMARY_DIR = Path(settings.BASE_DIR) / "var"

# --- The scene ----------------------------------------------------------------------------------


def _pks(queryset, limit=30):
    return list(queryset.order_by("pk").values_list("pk", flat=True)[:limit])


@pytest.fixture
def scene(home, registry, people, taxonomy):
    induction = build_induction(home)
    alice, carol = induction.users["alice"], induction.users["carol"]
    project = make_project(
        registry,
        title="Monthly wellbeing poll",
        staff_lead=people["staff"],
        union_contact=people["officer2"],
        themes=[taxonomy["themes"]["wellbeing"]],
    )
    other = make_project(registry, title="Course feedback", staff_lead=people["staff"])
    pending = joining.create_request(alice, project, "I ran the halls survey.")
    accepted = joining.create_request(people["officer"], other, "Me too")
    joining.accept(accepted, people["staff"])
    guidance = make_guidance_index(home)
    guideline = make_guideline(guidance, title="Quick check-in surveys")
    make_resource(themes=[taxonomy["themes"]["wellbeing"]])
    Feedback.objects.create(page=guideline, helpful=True, comment="Useful")
    pledge = Pledge.objects.create(officer=alice, title="Longer library hours")
    ManifestoTracker.for_user(alice)
    CalendarToken.objects.create(user=alice)
    Handover.objects.create(
        term=induction.terms["carol"], author=carol, status="submitted", advice="Be bold"
    )
    users = {
        "anonymous": None,
        "officer": alice,
        "staff": people["staff"],
        "moderator": people["moderator"],
        "editor": people["editor"],
    }
    pages = [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]
    known_ids = sorted(
        {
            *_pks(Page.objects.all()),
            *_pks(Notification.objects.all()),
            pending.pk,
            accepted.pk,
            pledge.pk,
            *_pks(Handover.objects.all()),
            *_pks(OfficerTerm.objects.all()),
            *(user.pk for user in people.values()),
        }
    )
    known_slugs = sorted(
        {page.slug for page in pages}
        | {"wellbeing", "president", "vp-welfare", "en", "de"}
        | set(CalendarToken.objects.values_list("token", flat=True))
        | set(ManifestoTracker.objects.values_list("slug", flat=True))
    )
    return {
        "users": users,
        "pages": pages,
        "routes": list(walk()),
        "subroutes": subpage_routes(),
        "known_ids": known_ids,
        "known_slugs": known_slugs,
    }


# --- Sending -------------------------------------------------------------------------------


_last_error = {}


class _Undo(Exception):
    def __init__(self, response):
        self.response = response


def send(client, method, path, data):
    """One request in a savepoint that is rolled back afterwards."""
    _last_error.clear()
    try:
        with transaction.atomic():
            if method == "GET":
                response = client.get(path, data)
            else:
                response = client.post(path, data)
            raise _Undo(response)
    except _Undo as done:
        return done.response


def csrf_token(client):
    """A valid token, and its secret in the browser's cookie (as a page would set it)."""
    request = RequestFactory().get("/")
    token = get_token(request)
    client.cookies[settings.CSRF_COOKIE_NAME] = request.META["CSRF_COOKIE"]
    return token


@pytest.fixture
def tally(request, kind):
    counts = {
        "requests": 0,
        "status": Counter(),
        "by_role": {},
        "by_area": {},
        "net": Counter(),
        "failures": [],
    }
    started = time.monotonic()
    got_request_exception.connect(_remember_error, dispatch_uid="hostile-input")
    net = _NetCatches(level=logging.WARNING)
    logging.getLogger("hub.inputs").addHandler(net)
    yield counts
    logging.getLogger("hub.inputs").removeHandler(net)
    got_request_exception.disconnect(dispatch_uid="hostile-input")
    vendor = connection.vendor
    summary = {
        "database": vendor,
        "routes": kind,
        "requests": counts["requests"],
        "seconds": round(time.monotonic() - started, 1),
        "status": {str(code): n for code, n in sorted(counts["status"].items())},
        "by_role": {
            role: {str(code): n for code, n in sorted(c.items())}
            for role, c in counts["by_role"].items()
        },
        "by_area": {
            area: {str(code): n for code, n in sorted(c.items())}
            for area, c in sorted(counts["by_area"].items())
        },
        "5xx": sum(n for code, n in counts["status"].items() if code >= 500),
        # 400s that hub.inputs.InputErrorMiddleware gave for views we do not own, by area
        "caught_by_the_net": dict(sorted(counts["net"].items())),
        "failures": counts["failures"][:50],
    }
    SUMMARY_DIR.mkdir(exist_ok=True)
    target = SUMMARY_DIR / f"hostile-summary-{vendor}-{kind}.json"
    target.write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    line = (
        f"hostile input ({vendor}, {kind} routes): {summary['requests']} requests in "
        f"{summary['seconds']} s, "
        f"status {summary['status']}, 5xx: {summary['5xx']}, 400 from the net (Wagtail's "
        f"views): {sum(counts['net'].values())} (figures in {target})"
    )
    request.config.stash.setdefault(summary_lines, []).append(line)


def _remember_error(sender, request=None, **kwargs):
    error = sys.exc_info()[1]
    frames = traceback.extract_tb(error.__traceback__) if error else []
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    _last_error["error"] = f"{type(error).__name__}: {str(error)[:200]} ({where})"


def _area(path):
    """The part of the site a path is in: "admin", "api", "projects", "induction"…"""
    parts = [part for part in urlsplit(path).path.split("/") if part]
    if parts and parts[0] in {code for code, _name in settings.LANGUAGES} | {"xx"}:
        parts = parts[1:]
    return parts[0][:20] if parts else "(home)"


class _NetCatches(logging.Handler):
    """Collects what ``hub.inputs.InputErrorMiddleware`` caught during one request."""

    def emit(self, record):
        _last_error.setdefault("net", []).append(record.getMessage()[:300])


def _ours(response):
    """Whether this project's code answered: its views, or its pages (Wagtail's serve)."""
    match = getattr(response, "resolver_match", None)
    if match is None:
        return False
    module = getattr(match.func, "__module__", "") or ""
    return module.split(".")[0] in OUR_APPS or match.url_name == "wagtail_serve"


def _record(tally, role, method, path, data, response):
    tally["requests"] += 1
    tally["status"][response.status_code] += 1
    tally["by_role"].setdefault(role, Counter())[response.status_code] += 1
    tally["by_area"].setdefault(_area(path), Counter())[response.status_code] += 1
    caught = _last_error.pop("net", [])
    if caught:
        tally["net"][_area(path)] += 1
    failed = response.status_code >= 500
    # The net is for views we do not own; ours must check their input before using it.
    relied_on_net = bool(caught) and _ours(response)
    if failed or relied_on_net:
        tally["failures"].append(
            {
                "status": response.status_code,
                "role": role,
                "method": method,
                "path": path,
                "data": data,
                "error": _last_error.pop("error", "") or "; ".join(caught),
            }
        )


def params(names, values, max_size=5):
    value = st.one_of(values, st.lists(values, min_size=1, max_size=3))
    return st.dictionaries(st.one_of(st.sampled_from(names), text), value, max_size=max_size)


HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_SEC_FETCH_SITE": st.sampled_from(["same-origin", "cross-site", "none"]),
        "HTTP_ACCEPT": st.sampled_from(["application/json", "text/html", "*/*", "\x00"]),
        "HTTP_ACCEPT_LANGUAGE": st.one_of(st.sampled_from(["de", "pl,en;q=0.5", "zz"]), text),
        "HTTP_X_FORWARDED_FOR": st.one_of(st.just("203.0.113.5"), text),
    },
)


def targets(scene):
    """Every route of the URL configuration, and every page with its own sub-routes."""
    ids, slugs = scene["known_ids"], scene["known_slugs"]
    ours = [address(parts, ids, slugs) for parts, mine in scene["routes"] if mine]
    theirs = [address(parts, ids, slugs) for parts, mine in scene["routes"] if not mine]
    options = []
    for page in scene["pages"]:
        base = urlsplit(page.url).path if page.url else "/"
        options.append(st.just(base))
        options.append(
            st.one_of(specials, text).map(lambda tail, b=base: b + quote(tail, safe="") + "/")
        )
        for parts in scene["subroutes"].get(type(page), []):
            options.append(
                address(parts, ids, slugs).map(lambda tail, b=base: b.rstrip("/") + tail)
            )
    # Kept apart (one_of would flatten them into one uniform choice): this project's routes,
    # its pages and Wagtail's and Django's own routes (the admin alone has over 300) get a third
    # of the requests each (KINDS).
    return {"ours": st.one_of(*ours), "pages": st.one_of(*options), "theirs": st.one_of(*theirs)}


@hypothesis_settings(
    max_examples=EXAMPLES_PER_KIND,
    deadline=timedelta(seconds=30),  # one example: two requests; none may hang
    suppress_health_check=list(HealthCheck),
    database=None,
)
@given(data=st.data())
def _explore(data, scene, tally, clients, paths):
    role = data.draw(st.sampled_from(ROLES), label="role")
    client = clients[role]
    ids = scene["known_ids"]
    path = data.draw(paths, label="path")
    client.defaults = {**client.base_defaults, **data.draw(HEADERS, label="headers")}
    user = scene["users"][role]
    if user is not None:
        client.force_login(user)

    query = data.draw(params(PARAMS, hostile(ids)), label="query")
    response = send(client, "GET", path, query)
    _record(tally, role, "GET", path, query, response)

    actions, fields = forms_on(response)
    target = data.draw(st.sampled_from([path, *actions]), label="post to")
    offered = sorted({v for values in fields.values() for v in values})[:200]
    value = st.one_of(hostile(ids), st.sampled_from(offered)) if offered else hostile(ids)
    form = data.draw(params([*sorted(fields), *FORM_NAMES], value, max_size=8), label="form")
    form["csrfmiddlewaretoken"] = csrf_token(client)
    response = send(client, "POST", target, form)
    _record(tally, role, "POST", target, form, response)


@pytest.mark.parametrize("kind", KINDS)
def test_no_input_makes_any_endpoint_answer_5xx(scene, tally, kind):
    clients = {}
    for role in ROLES:
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        client.base_defaults = dict(client.defaults)
        clients[role] = client
    _explore(scene=scene, tally=tally, clients=clients, paths=targets(scene)[kind])
    assert tally["requests"] >= 2 * EXAMPLES_PER_KIND
    # Every failing request is listed (not only the first), to be fixed by class.
    assert not tally["failures"], json.dumps(tally["failures"][:20], indent=1, ensure_ascii=False)
