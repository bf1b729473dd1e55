"""Helpers shared by the benchmarks: timing statistics, query mixes and result files."""

import json
import platform
import random
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
        "cpus": __import__("os").cpu_count(),
    }


def write_results(name, payload):
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"environment": environment(), **payload}, indent=2) + "\n")
    return path
