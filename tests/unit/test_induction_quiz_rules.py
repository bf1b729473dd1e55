"""Quizzes pass at the percentage they state; editors choose feedback and an attempt limit."""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from induction.models import QuizAttempt
from induction.quiz import required_correct
from tests.factories import (
    block_of,
    build_induction,
    make_module,
    make_site,
    quiz,
    quiz_post,
)


def shown_percentage(score, total):
    """The share as a reader sees it: a whole per cent, rounded half up."""
    return int((Decimal(100 * score) / Decimal(total)).quantize(Decimal(1), ROUND_HALF_UP))


@pytest.mark.parametrize("total", range(1, 21))
def test_the_pass_boundary_is_the_stated_percentage_for_every_mark(total):
    for mark in range(1, 101):
        needed = required_correct(mark, total)
        assert shown_percentage(needed, total) >= mark, (mark, total)
        if needed > 0:
            assert shown_percentage(needed - 1, total) < mark, (mark, total)


@pytest.mark.parametrize(
    ("mark", "total", "needed"),
    [(67, 3, 2), (66, 3, 2), (68, 3, 3), (75, 4, 3), (80, 5, 4), (100, 3, 3), (50, 2, 1)],
)
def test_known_boundaries(mark, total, needed):
    assert required_correct(mark, total) == needed


QUESTIONS = [
    ("First?", [("right", True), ("wrong", False)]),
    ("Second?", [("right", True), ("wrong", False)]),
    ("Third?", [("right", True), ("wrong", False)]),
]


@pytest.fixture
def induction(db):
    home, _registry = make_site()
    return build_induction(home)


def quiz_module(induction, **options):
    return make_module(
        induction.programme, "Quiz rules", [quiz(*QUESTIONS, pass_mark=67, **options)]
    )


def submit(client, module, right):
    """Answer the three questions, the first ``right`` of them correctly."""
    answers = {index: [0 if index < right else 1] for index in range(3)}
    return client.post(module.url + "progress/", quiz_post(module, answers))


def test_two_of_three_passes_a_67_percent_quiz(client, induction):
    module = quiz_module(induction)
    client.force_login(induction.users["alice"])
    page = client.get(module.url).content.decode()
    assert "answer at least 2 of 3 questions correctly (67%)" in page
    submit(client, module, right=2)
    attempt = QuizAttempt.objects.get(user=induction.users["alice"])
    assert (attempt.score, attempt.total, attempt.passed) == (2, 3, True)


def test_feedback_only_after_passing_hides_it_from_a_failed_attempt(client, induction):
    module = quiz_module(induction, show_feedback="after_passing")
    client.force_login(induction.users["alice"])
    submit(client, module, right=1)
    page = client.get(module.url).content.decode()
    assert "1 of 3 correct" in page
    assert "Feedback for wrong" not in page and "Not quite." not in page
    submit(client, module, right=3)
    page = client.get(module.url).content.decode()
    assert "Feedback for right" in page


def test_feedback_after_every_attempt_shows_it_at_once(client, induction):
    module = quiz_module(induction)
    client.force_login(induction.users["alice"])
    submit(client, module, right=1)
    page = client.get(module.url).content.decode()
    assert "Feedback for wrong" in page and "Not quite." in page


def test_the_attempt_limit_refuses_further_tries_and_changes_nothing(client, induction):
    module = quiz_module(induction, max_attempts=2)
    alice = induction.users["alice"]
    client.force_login(alice)
    page = client.get(module.url).content.decode()
    assert "You have 2 attempts left." in page
    submit(client, module, right=0)
    assert "You have 1 attempt left." in client.get(module.url).content.decode()
    submit(client, module, right=1)
    page = client.get(module.url).content.decode()
    assert "You have used every attempt at this quiz." in page
    assert 'name="action" value="quiz"' not in page  # no form to submit
    response = submit(client, module, right=3)
    assert response.status_code == 400
    assert "You have used all 2 attempts at this quiz." in response.content.decode()
    assert QuizAttempt.objects.filter(user=alice).count() == 2
    assert not QuizAttempt.objects.filter(user=alice, passed=True).exists()
    # The coordinator raises the limit: the officer may try again.
    block = block_of(module, "quiz")
    block.value["max_attempts"] = 3
    module.save_revision().publish()
    submit(client, module, right=3)
    assert QuizAttempt.objects.filter(user=alice, passed=True).count() == 1


def test_a_passed_quiz_is_never_locked(client, induction):
    module = quiz_module(induction, max_attempts=1)
    client.force_login(induction.users["alice"])
    submit(client, module, right=3)
    response = submit(client, module, right=3)
    assert response.status_code == 302
    assert QuizAttempt.objects.filter(passed=True).count() == 2
