"""The site ``bench/lighthouse.py`` measures: production settings, SQLite, gunicorn over HTTPS.

A throw-away work directory holds the database (migrated, with the demo content), the static
files, a file cache shared by gunicorn's workers and a self-signed certificate made with
``openssl``; ``LIGHTHOUSE_SITE=<that directory>`` reuses one without reloading the demo.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench.common import Gunicorn, free_port, gunicorn_command

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OFFICER_EMAIL = "officer@demo.partnershiphub.eu"
DEMO_PASSWORD = "partnership-demo"  # noqa: S105 (the demo's published password)


def log(message):
    print(f"[lighthouse {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(command, env=None, timeout=900):
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{result.stderr[-3000:]}")
    return result.stdout


class Site:
    """A production-settings site on SQLite over HTTPS; ``close()`` stops and removes it."""

    def __init__(self):
        reuse = os.environ.get("LIGHTHOUSE_SITE")
        self.reused = bool(reuse)
        self.workdir = Path(reuse) if reuse else Path(tempfile.mkdtemp(prefix="hub-lighthouse-"))
        self.port = free_port()
        self.base = f"https://127.0.0.1:{self.port}"
        self.server = None
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        self.env.update(
            DJANGO_SETTINGS_MODULE="hub.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=f"sqlite:///{self.workdir / 'db.sqlite3'}",
            STATIC_ROOT=str(self.workdir / "static"),
            MEDIA_ROOT=str(self.workdir / "media"),
            # one cache for both workers, as Redis is in production (a file cache needs no server)
            CACHE_URL=f"file://{self.workdir / 'cache'}",
            BASE_URL=self.base,
            LOG_LEVEL="WARNING",
            # An officer is not privileged: no second factor needed; the demo's admins would be.
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        )
        for name in ("SEARCH_URL",):
            self.env.pop(name, None)
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE  # our own throw-away certificate

    def prepare(self):
        started = time.monotonic()
        log("migrate, load_demo, collectstatic, compile_catalogues (production settings)")
        python = sys.executable
        run([python, "manage.py", "compile_catalogues"], env=self.env)
        run([python, "manage.py", "migrate", "--noinput", "-v0"], env=self.env)
        if not self.reused:
            run([python, "manage.py", "load_demo"], env=self.env, timeout=1200)
        run([python, "manage.py", "collectstatic", "--noinput", "-v0"], env=self.env)
        run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
                str(self.workdir / "key.pem"),
                "-out",
                str(self.workdir / "cert.pem"),
            ]
        )
        log(f"site ready in {time.monotonic() - started:.0f}s")

    def serve(self):
        # gunicorn speaks TLS itself, so Django sees https as it would behind the proxy.
        certificates = [
            *("--certfile", self.workdir / "cert.pem"),
            *("--keyfile", self.workdir / "key.pem"),
        ]
        self.server = Gunicorn(
            gunicorn_command(BIN / "gunicorn", "hub.wsgi", self.port, *certificates),
            cwd=ROOT,
            env=self.env,
            log_path=self.workdir / "gunicorn.log",
        )
        self.server.start(lambda: self.get("/healthz")[0] == 200)

    def opener(self, jar=None):
        handlers = [urllib.request.HTTPSHandler(context=self.context)]
        if jar is not None:
            handlers.append(urllib.request.HTTPCookieProcessor(jar))
        return urllib.request.build_opener(*handlers)

    def get(self, path, opener=None):
        request = urllib.request.Request(self.base + path)  # noqa: S310 (our own https)
        try:
            with (opener or self.opener()).open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def sign_in(self, email, password) -> str:
        """The session cookie of a demo account, signed in through the real form."""
        jar = http.cookiejar.CookieJar()
        opener = self.opener(jar)
        _status, body = self.get("/en/accounts/login/", opener)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": email, "password": password}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 (our own https)
            self.base + "/en/accounts/login/",
            data=data,
            headers={"Referer": self.base + "/en/accounts/login/"},
        )
        opener.open(request, timeout=30).read()
        cookies = {cookie.name: cookie.value for cookie in jar}
        if "sessionid" not in cookies:
            raise SystemExit(f"could not sign in as {email}")
        return f"sessionid={cookies['sessionid']}"

    def close(self):
        if self.server:
            self.server.stop()
        if not self.reused:
            shutil.rmtree(self.workdir, ignore_errors=True)
