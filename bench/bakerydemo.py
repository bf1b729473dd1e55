"""wagtail/bakerydemo served beside the hub, so bench/load.py compares with it in the same run.

Used by bench/load.py when BENCH_BAKERYDEMO=1 (``make bench-reference``). Everything lives in
BAKERYDEMO_DIR (default /tmp/partnershiphub-bakerydemo) and is reused by later runs:

- ``src/``: a clone of BAKERYDEMO_SRC (default https://github.com/wagtail/bakerydemo.git; a
  local clone or bare repository works too), at BAKERYDEMO_REF when given;
- ``venv/``: its own virtualenv made with BAKERYDEMO_PYTHON (default: the first of python3.13
  and python3.12 that runs; bakerydemo needs Django 6, so Python ≥ 3.12), holding its
  ``requirements/base.txt`` plus gunicorn and WhiteNoise from PyPI;
- its SQLite database with the demo data (``manage.py load_initial_data``) and collected
  static files.

It is served like the hub: gunicorn with 2 sync workers and bakerydemo's production settings
(DEBUG off, WhiteNoise, the local-memory cache), on SQLite.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
from pathlib import Path

from bench.common import Gunicorn, gunicorn_command

DEFAULT_SOURCE = "https://github.com/wagtail/bakerydemo.git"
PAGES = {"home": "/", "blog index": "/blog/", "search": "/search/?q=bread"}


def find_python():
    configured = os.environ.get("BAKERYDEMO_PYTHON")
    candidates = [configured] if configured else ["python3.13", "python3.12"]
    for name in candidates:
        path = shutil.which(name) or name
        try:
            result = subprocess.run(
                [path, "-c", "import sys; print(sys.version_info >= (3, 12))"],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except OSError:
            continue
        if result.returncode == 0 and result.stdout.strip() == "True":
            return path
    raise SystemExit(
        "bakerydemo needs Python ≥ 3.12: set BAKERYDEMO_PYTHON to one "
        "(or run without BENCH_BAKERYDEMO=1 to compare with the fixed reference figures)"
    )


class Bakerydemo:
    def __init__(self, run, log, fetch, port):
        self.run, self.log, self.fetch = run, log, fetch
        self.root = Path(os.environ.get("BAKERYDEMO_DIR", "/tmp/partnershiphub-bakerydemo"))  # noqa: S108
        self.src = self.root / "src"
        self.venv = self.root / "venv"
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.server = None
        self.commit = None

    def env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "VIRTUAL_ENV"))}
        env.pop("DATABASE_URL", None)  # SQLite in its own directory
        env.pop("REDIS_URL", None)
        env.update(
            DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
            DJANGO_SECRET_KEY=self.secret,
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_LOG_LEVEL="WARNING",
            PRIMARY_HOST=f"127.0.0.1:{self.port}",
            PATH=f"{self.venv / 'bin'}:{os.environ.get('PATH', '')}",
        )
        return env

    def prepare(self):
        self.root.mkdir(parents=True, exist_ok=True)
        secret_file = self.root / "secret"
        if not secret_file.exists():
            secret_file.write_text(secrets.token_urlsafe(50))
        self.secret = secret_file.read_text().strip()
        if not (self.src / "manage.py").exists():
            source = os.environ.get("BAKERYDEMO_SRC", DEFAULT_SOURCE)
            self.log(f"bakerydemo: cloning {source}")
            shutil.rmtree(self.src, ignore_errors=True)
            self.run(["git", "clone", "--quiet", source, str(self.src)])
        if os.environ.get("BAKERYDEMO_REF"):
            self.run(["git", "-C", str(self.src), "checkout", "-q", os.environ["BAKERYDEMO_REF"]])
        self.commit = self.run(["git", "-C", str(self.src), "rev-parse", "HEAD"]).strip()
        python = self.venv / "bin" / "python"
        installed = self.venv / ".bench-installed"
        if not installed.exists():
            self.log("bakerydemo: making its virtualenv (PyPI)")
            self.run([find_python(), "-m", "venv", "--clear", str(self.venv)])
            self.run(
                [
                    str(python),
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "-r",
                    str(self.src / "requirements" / "base.txt"),
                    "gunicorn",
                    "whitenoise>=6.11,<7",
                ]
            )
            installed.write_text("ok\n")
        loaded = self.root / ".bench-loaded"
        env = self.env()
        manage = [str(python), str(self.src / "manage.py")]
        if not loaded.exists():
            self.log("bakerydemo: migrate, load_initial_data, collectstatic")
            self.run([*manage, "migrate", "--noinput", "-v0"], env=env)
            self.run([*manage, "load_initial_data"], env=env)
            self.run([*manage, "collectstatic", "--noinput", "-v0"], env=env)
            loaded.write_text("ok\n")

    def serve(self):
        self.server = Gunicorn(
            gunicorn_command(
                self.venv / "bin" / "gunicorn",
                "bakerydemo.wsgi",
                self.port,
                "--no-control-socket",  # gunicorn ≥ 24: not the hub's (or anyone's) socket
            ),
            cwd=self.src,
            env=self.env(),
            log_path=self.root / "gunicorn.log",
        )
        # its first request can be slow on a busy machine
        self.server.start(
            lambda: self.fetch(self.base + "/", timeout=5)[0] == 200, seconds=180, name="bakerydemo"
        )

    def urls(self):
        """Its home, blog index, first blog post, search and a static file."""
        urls = dict(PAGES)
        status, _headers, body = self.fetch(self.base + "/blog/")
        if status != 200:
            raise SystemExit(f"bakerydemo's blog index answered {status}")
        posts = re.findall(r'href="(/blog/[^"/]+/)"', body.decode())
        if not posts:
            raise SystemExit("no blog post link on bakerydemo's blog index")
        urls["blog post"] = posts[0]
        manifest = (self.src / "bakerydemo" / "collect_static" / "staticfiles.json").read_text()
        css = re.search(r'"(css/main\.css)":\s*"([^"]+)"', manifest)
        if css:
            urls["static"] = "/static/" + css.group(2)
        return urls

    def stop(self):
        if self.server:
            self.server.stop()
        self.server = None
