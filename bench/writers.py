"""The mixed benchmark's writers: signed-in officers posting forms at a steady rate.

Each :class:`Officer` is a browser-like client over plain HTTP that keeps its own cookies (the
site's are Secure, behind the TLS proxy) and sends the sign-in form and the CSRF token like a
browser. :class:`Writers` signs them all in *before* the measured passes (a sign-in hashes a
password on purpose, and is not one of the writes measured), then runs BENCH_WRITERS threads
that take turns: tick (or untick) an induction checklist item, answer "Was this helpful?" on a
guideline (as the page's script does, asking for JSON), ask to join a project and withdraw
the request again (a join turn is two POSTs). The redirects after a form POST are not
followed: the signed-in page a browser would show next is a page view, uncached by design,
not a write; its consuming the messages the write left is imitated by dropping that cookie.
An officer hands over to the next one when they have answered every guideline once (one
answer per reader, page and day) or sent as many join requests as the hourly limit allows.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
import urllib.parse
from collections import Counter

from bench.stack import PROXY_HEADER

LOGIN = "/en/accounts/login/"


class Officer:
    """A signed-in officer: a session cookie, and the forms' CSRF tokens, over plain HTTP.

    The site runs behind a TLS proxy (X-Forwarded-Proto: https), so its cookies are Secure;
    this client keeps them itself instead of a cookie jar that would drop them over http.
    """

    def __init__(self, base, email, address):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.origin = f"https://{self.host}:{self.port}"
        self.email, self.address = email, address
        self.cookies = {}
        self.token = None

    def request(self, method, path, form=None, token=None, accept=None):
        headers = {
            PROXY_HEADER[0]: PROXY_HEADER[1],
            "X-Forwarded-For": self.address,
            "Host": f"{self.host}:{self.port}",
        }
        if accept:
            headers["Accept"] = accept
        body = None
        if form is not None:
            form = dict(form)
            if token:
                form["csrfmiddlewaretoken"] = token
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                value = rest.split(";", 1)[0]
                if value in ("", '""'):  # a deleted cookie (e.g. the messages once shown)
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value
            return response.status, response.headers, content
        finally:
            connection.close()

    def csrf_token(self, page):
        status, _headers, body = self.request("GET", page)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if not match:
            raise RuntimeError(f"no CSRF token on {page} ({status})")
        return match.group(1).decode()

    def sign_in(self, password, form_page):
        """Sign in through the form; then keep the session's CSRF token from ``form_page``
        (signing in rotates it), as a browser's open tab would for its next forms."""
        status, _headers, _body = self.request(
            "POST",
            LOGIN,
            {"username": self.email, "password": password},
            token=self.csrf_token(LOGIN),
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{self.email} could not sign in ({status})")
        self.token = self.csrf_token(form_page)


class Writers:
    """Officers writing at a steady total rate, round the three kinds of write."""

    def __init__(self, base, plan, password, writers, rate):
        self.base, self.plan, self.password = base, plan, password
        self.writers, self.rate = writers, rate
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.outcomes = Counter()
        self.latencies = []
        self.officers = [
            Officer(base, email, f"10.77.{n // 250}.{n % 250 + 1}")
            for n, email in enumerate(plan["emails"])
        ]
        self.next_officer = 0
        self.threads = []
        self.started = self.ended = None

    def sign_in_all(self):
        """Sign every officer in (BENCH_WRITERS at a time), before anything is measured."""
        form_page = self.plan["checklist"]["url"].removesuffix("progress/")
        pending = list(self.officers)

        def work():
            while True:
                with self.lock:
                    if not pending:
                        return
                    officer = pending.pop()
                officer.sign_in(self.password, form_page)

        threads = [threading.Thread(target=work, daemon=True) for _ in range(self.writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        missing = [officer.email for officer in self.officers if officer.token is None]
        if missing:
            raise SystemExit(f"{len(missing)} bench officers could not sign in: {missing[:3]}")

    def take_officer(self):
        with self.lock:
            if self.next_officer >= len(self.officers):
                self.outcomes["no officer left"] += 1
                return None
            officer = self.officers[self.next_officer]
            self.next_officer += 1
        officer.feedback = list(self.plan["feedback"])
        officer.projects = list(self.plan["projects"])
        officer.joins = 0
        officer.ticked = False
        return officer

    def record(self, officer, kind, status, started):
        # A browser follows the redirect and shows the page, which consumes the messages
        # the write left; that signed-in page view is not a write, so it is not sent here.
        officer.cookies.pop("messages", None)
        with self.lock:
            self.outcomes[f"{kind} {status}"] += 1
            self.latencies.append(time.perf_counter() - started)

    def tick(self, officer):
        checklist = self.plan["checklist"]
        officer.ticked = not officer.ticked
        items = checklist["items"][:1] if officer.ticked else []
        form = {"action": "checklist", "block": checklist["block"], "item": items}
        started = time.perf_counter()
        status, _h, _b = officer.request("POST", checklist["url"], form, token=officer.token)
        self.record(officer, "progress", status, started)

    def feedback(self, officer):
        if not officer.feedback:
            return False
        url = officer.feedback.pop(0)
        started = time.perf_counter()
        # As the page's script sends it (static/js/knowledge-feedback.js): JSON back, and
        # the reader stays on the page.
        status, _h, _b = officer.request(
            "POST", url, {"helpful": "yes", "comment": ""}, accept="application/json"
        )
        self.record(officer, "feedback", status, started)
        return True

    def join(self, officer):
        if not officer.projects or officer.joins >= self.plan["join_limit"]:
            return False
        pk = officer.projects[0]
        url = f"/en/projects/manage/{pk}/join/"
        form = {"message": "Benchmark: I would like to help.", "how_to_help": "Surveys."}
        started = time.perf_counter()
        status, headers, _b = officer.request("POST", url, form, token=officer.token)
        self.record(officer, "join", status, started)
        officer.joins += 1
        if status == 429:  # this officer's hourly limit: the next officer takes over
            return False
        match = re.search(r"/requests/(\d+)/", headers.get("Location", ""))
        if status == 302 and match:
            withdraw = f"/en/projects/requests/{match.group(1)}/withdraw/"
            started = time.perf_counter()
            status, _h, _b = officer.request("POST", withdraw, {}, token=officer.token)
            self.record(officer, "withdraw", status, started)
        else:
            officer.projects.pop(0)
        return True

    def work(self, interval):
        officer = self.take_officer()
        kinds = [self.tick, self.feedback, self.join]
        turn = 0
        next_at = time.perf_counter()
        while officer and not self.stop.is_set():
            next_at += interval
            try:
                if kinds[turn % 3](officer) is False:
                    officer = self.take_officer()
            except (OSError, RuntimeError) as error:
                with self.lock:
                    self.outcomes[f"error {type(error).__name__}"] += 1
            turn += 1
            pause = next_at - time.perf_counter()
            if pause > 0:
                self.stop.wait(pause)

    def start(self):
        interval = self.writers / self.rate
        self.started = time.perf_counter()
        for _ in range(self.writers):
            thread = threading.Thread(target=self.work, args=(interval,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def finish(self):
        self.stop.set()
        self.ended = time.perf_counter()
        for thread in self.threads:
            thread.join(timeout=60)
        latencies = sorted(self.latencies)
        count = len(latencies)
        seconds = self.ended - self.started
        return {
            "writers": self.writers,
            "target_turns_per_second": self.rate,
            "requests": count,
            "posts_per_second": round(count / seconds, 2) if seconds else None,
            "outcomes": dict(sorted(self.outcomes.items())),
            "p50_ms": round(latencies[count // 2] * 1000, 1) if count else None,
            "p99_ms": round(latencies[min(count - 1, int(count * 0.99))] * 1000, 1)
            if count
            else None,
            "officers_used": self.next_officer,
        }
