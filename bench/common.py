"""Helpers shared by the benchmarks: timing statistics, query mixes and result files."""

import json
import platform
import random
import signal
import statistics
import subprocess
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"

FILTERS = {
    "theme": [
        "wellbeing",
        "feedback",
        "attainment-gap",
        "accessibility",
        "curriculum",
        "student-groups",
        "data",
        "partnership",
        "recognition",
        "employability",
    ],
    "status": ["proposed", "active", "paused", "completed"],
    "stage": ["access", "success", "progression"],
    "unit": ["students-union", "student-services", "learning-teaching", "library", "careers"],
    "campus": ["city-centre", "riverside", "north-park", "online"],
    "open": ["yes"],
}
WORDS = [
    "wellbeing",
    "survey",
    "poll",
    "feedback",
    "accessibility",
    "mentoring",
    "placement",
    "induction",
    "belonging",
    "assessment",
    "careers",
    "library",
    "digital",
    "housing",
    "committee",
    "analytics",
    "sport",
    "language",
    "volunteering",
    "recognition",
]


def registry_queries(count, seed=42):
    """Varied registry URLs: text only, filters only, both; sorts and pages mixed in."""
    rng = random.Random(seed)
    queries = []
    for i in range(count):
        params = []
        kind = i % 3
        if kind in (0, 2):
            words = rng.sample(WORDS, rng.choice([1, 1, 2]))
            params.append(("q", " ".join(words)))
        if kind in (1, 2):
            for name in rng.sample(list(FILTERS), rng.randint(1, 3)):
                for value in rng.sample(FILTERS[name], rng.randint(1, min(2, len(FILTERS[name])))):
                    params.append((name, value))
        if rng.random() < 0.3:
            params.append(("sort", rng.choice(["newest", "updated", "title"])))
        if rng.random() < 0.2:
            params.append(("page", str(rng.randint(2, 4))))
        queries.append(params)
    return queries


def summarise(samples_ms):
    ordered = sorted(samples_ms)

    def pct(p):
        return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))], 2)

    return {
        "count": len(ordered),
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "mean_ms": round(statistics.fmean(ordered), 2),
        "max_ms": round(ordered[-1], 2),
    }


def environment():
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "commit": commit,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "platform": platform.platform(),
        "cpus": __import__("os").cpu_count(),
    }


def write_results(name, payload):
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"environment": environment(), **payload}, indent=2) + "\n")
    return path


# --- Servers ---------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port nothing listens on at 127.0.0.1 right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """One gunicorn on 127.0.0.1: started, waited for until ``ready()`` is true, stopped.

    Its output goes to ``log_path``; the end of it is shown when it exits or never answers.
    """

    def __init__(self, command, *, cwd, env, log_path: Path):
        self.command = [str(part) for part in command]
        self.cwd = cwd
        self.env = env
        self.log_path = Path(log_path)
        self.process = None

    def start(self, ready, seconds=60, name="gunicorn"):
        self.stop()
        with open(self.log_path, "a") as log:  # the child keeps its own copy of the handle
            self.process = subprocess.Popen(
                self.command, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{name} exited:\n{self.tail()}")
            try:
                if ready():
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise SystemExit(f"{name} did not answer within {seconds}s:\n{self.tail()}")

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def tail(self) -> str:
        try:
            return self.log_path.read_text()[-4000:]
        except OSError:
            return ""

    def stop(self):
        if self.running():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None


def gunicorn_command(binary, app, port, *extra):
    """gunicorn with the benchmarks' common settings (2 workers, a deep backlog)."""
    return [
        binary,
        app,
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "60",
        "--backlog",
        "2048",
        *extra,
    ]
