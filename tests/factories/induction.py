"""Builders for induction tests: roles, a hub with two years' programmes, modules, officers.

Years are relative to today so the tests mean the same thing whenever they run: the
"coming" cohort starts on 1 July next year and the outgoing one is serving now.
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone
from wagtail.models import Locale

from induction.blocks import LessonBlock, ScheduleBlock
from induction.models import (
    InductionIndexPage,
    InductionProgrammePage,
    OfficerRole,
    OfficerTerm,
    TrainingModulePage,
)

from .core import make_page, make_user


def make_role(slug, name=None, sort_order=100):
    return OfficerRole.objects.create(
        slug=slug,
        name=name or slug.replace("-", " ").title(),
        remit=f"The remit of {slug}.",
        sort_order=sort_order,
        locale=Locale.get_default(),
    )


def lessons(*blocks):
    return LessonBlock().to_python([{"type": kind, "value": value} for kind, value in blocks])


def checklist(*items, title="Checklist"):
    return ("checklist", {"title": title, "intro": "", "items": list(items)})


def quiz(*questions, pass_mark=100, title="Quiz", show_feedback="every_attempt", max_attempts=None):
    return (
        "quiz",
        {
            "title": title,
            "intro": "",
            "pass_mark": pass_mark,
            "show_feedback": show_feedback,
            "max_attempts": max_attempts,
            "questions": [
                {
                    "question": text,
                    "answers": [
                        {"text": a, "is_correct": ok, "feedback": f"Feedback for {a}"}
                        for a, ok in answers
                    ],
                }
                for text, answers in questions
            ],
        },
    )


def text(html):
    return ("text", html)


def reflection(prompt):
    return ("reflection", {"prompt": prompt, "hint": ""})


def make_programme(hub, year, sessions=(), **fields):
    schedule = ScheduleBlock().to_python(
        [{"type": "session", "value": value} for value in sessions]
    )
    return make_page(
        hub,
        InductionProgrammePage,
        title=f"Induction {year}",
        slug=str(year),
        year=year,
        starts_on=datetime.date(year, 7, 1),
        ends_on=datetime.date(year, 7, 31),
        intro=f"The {year} programme.",
        schedule=schedule,
        **fields,
    )


def make_module(programme, title, blocks, roles=(), **fields):
    page = TrainingModulePage(
        title=title,
        summary=f"About {title}.",
        estimated_minutes=20,
        lessons=lessons(*blocks),
        **fields,
    )
    programme.add_child(instance=page)
    if roles:
        page.target_roles = list(roles)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def session(title, date, start, end, roles=(), location="Room 1", online_url=""):
    return {
        "title": title,
        "date": date.isoformat(),
        "start_time": start,
        "end_time": end,
        "location": location,
        "online_url": online_url,
        "description": f"About {title}.",
        "roles": list(roles),
    }


def build_induction(home):
    """A hub with this cohort's programme (next July) and last year's, plus officers."""
    today = timezone.localdate()
    year = today.year + 1
    roles = {
        "president": make_role("president", "President", 1),
        "vp-welfare": make_role("vp-welfare", "VP Welfare", 2),
        "vp-education": make_role("vp-education", "VP Education", 3),
    }
    hub = make_page(
        home,
        InductionIndexPage,
        title="Induction",
        slug="induction",
        intro="Welcome, new officers.",
    )
    day1 = datetime.date(year, 7, 5)
    programme = make_programme(
        hub,
        year,
        sessions=[
            session("Welcome breakfast", day1, "09:00", "10:00"),
            session(
                "Welfare services tour",
                day1,
                "11:00",
                "12:30",
                roles=["vp-welfare"],
                online_url="https://video.example.org/tour",
            ),
            session(
                "Senate briefing",
                day1 + datetime.timedelta(days=1),
                "14:00",
                "15:00",
                roles=["president"],
            ),
        ],
    )
    first = make_module(
        programme,
        "The union and its partners",
        [
            text("<p>The union works with the institution.</p>"),
            checklist("Read the partnership agreement", "Meet the chief executive"),
            reflection("What do you want to change?"),
            quiz(
                ("Who elects officers?", [("Students", True), ("Staff", False)]),
                ("Which are partners?", [("Library", True), ("Careers", True), ("Mars", False)]),
                pass_mark=100,
            ),
        ],
    )
    second = make_module(
        programme,
        "How the institution decides",
        [checklist("Find the committee calendar")],
        prerequisite=first,
    )
    welfare_only = make_module(
        programme, "Welfare services", [text("<p>Only reading.</p>")], roles=[roles["vp-welfare"]]
    )
    old_programme = make_programme(hub, year - 1)
    old_module = make_module(old_programme, "Last year's module", [checklist("Old item")])

    alice = make_user(
        "alice@example.org",
        groups=["Officers"],
        display_name="Alice Adeyemi",
        preferred_language="en",
    )
    bob = make_user("bob@example.org", groups=["Officers"], display_name="Bob Berger")
    carol = make_user("carol@example.org", groups=["Officers"], display_name="Carol Costa")
    terms = {
        "alice": OfficerTerm.objects.create(
            user=alice,
            role=roles["vp-welfare"],
            starts_on=datetime.date(year, 7, 1),
            ends_on=datetime.date(year + 1, 6, 30),
        ),
        "bob": OfficerTerm.objects.create(
            user=bob,
            role=roles["president"],
            starts_on=datetime.date(year, 7, 1),
            ends_on=datetime.date(year + 1, 6, 30),
        ),
        "carol": OfficerTerm.objects.create(
            user=carol,
            role=roles["vp-welfare"],
            starts_on=datetime.date(year - 1, 7, 1),
            ends_on=datetime.date(year, 6, 30),
        ),
    }
    return SimpleNamespace(
        year=year,
        roles=roles,
        hub=hub,
        programme=programme,
        old_programme=old_programme,
        modules={"first": first, "second": second, "welfare": welfare_only, "old": old_module},
        users={"alice": alice, "bob": bob, "carol": carol},
        terms=terms,
    )


def block_of(page, kind):
    return next(block for block in page.lessons if block.block_type == kind)


def quiz_post(page, answers_by_question_index, block=None):
    """POST data for a quiz: ``answers_by_question_index`` maps question index → list of
    answer indexes."""
    block = block or block_of(page, "quiz")
    data = {"action": "quiz", "block": block.id}
    questions = block.value["questions"].bound_blocks
    for q_index, a_indexes in answers_by_question_index.items():
        question = questions[q_index]
        answers = question.value["answers"].bound_blocks
        data[f"q-{question.id}"] = [answers[i].id for i in a_indexes]
    return data


def correct_quiz_post(page):
    block = block_of(page, "quiz")
    answers = {}
    for q_index, question in enumerate(block.value["questions"].bound_blocks):
        answers[q_index] = [
            i for i, a in enumerate(question.value["answers"].bound_blocks) if a.value["is_correct"]
        ]
    return quiz_post(page, answers, block)


def checklist_post(page, count=None):
    block = block_of(page, "checklist")
    items = [item.id for item in block.value["items"].bound_blocks]
    return {"action": "checklist", "block": block.id, "item": items[:count] if count else items}
