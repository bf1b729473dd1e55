"""Progress: checklists, server-marked quizzes, completion, resuming, and who may save what."""

import copy
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from induction.models import (
    ChecklistTick,
    ModuleProgress,
    ProgrammeCompletion,
    QuizAttempt,
    ReflectionAnswer,
)
from tests.factories import (
    block_of,
    build_induction,
    checklist_post,
    correct_quiz_post,
    make_site,
    make_user,
    quiz_post,
)
from tests.support.shared_data import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, _registry = make_site()
            ind = build_induction(home)
            world = SimpleNamespace(
                ind=ind,
                first=ind.modules["first"],
                second=ind.modules["second"],
                alice=ind.users["alice"],
                bob=ind.users["bob"],
            )
        yield world


@pytest.fixture
def world(_world, db):
    """The site and the induction hub (``world.ind``), its first two modules and two
    officers; a copy per test."""
    return copy.deepcopy(_world)


def progress_url(module):
    return module.url + "progress/"


def finish_first(client, world, user):
    client.force_login(user)
    client.post(progress_url(world.first), checklist_post(world.first))
    client.post(progress_url(world.first), correct_quiz_post(world.first))


# --- Checklist ---------------------------------------------------------------------


def test_ticking_part_of_a_checklist_saves_each_item_and_resumes_there(client, world):
    client.force_login(world.alice)
    response = client.post(progress_url(world.first), checklist_post(world.first, count=1))
    block = block_of(world.first, "checklist")
    assertRedirects(response, f"{world.first.url}#step-{block.id}", fetch_redirect_response=False)
    assert ChecklistTick.objects.filter(user=world.alice).count() == 1
    record = ModuleProgress.objects.get(user=world.alice)
    assert record.completed_at is None
    assert record.last_step == block.id

    page = client.get(world.first.url).content.decode()
    first_item, second_item = block.value["items"].bound_blocks
    assert f'value="{first_item.id}" id="item-{first_item.id}" checked' in page
    assert f'value="{second_item.id}" id="item-{second_item.id}" checked' not in page

    dashboard = client.get("/en/induction/").content.decode()
    assert "Continue where you left off" in dashboard
    assert f"{world.first.url}#step-{block.id}" in dashboard


def test_unticking_removes_the_tick(client, world):
    client.force_login(world.alice)
    client.post(progress_url(world.first), checklist_post(world.first))
    block = block_of(world.first, "checklist")
    client.post(progress_url(world.first), {"action": "checklist", "block": block.id})
    assert not ChecklistTick.objects.filter(user=world.alice).exists()


def test_foreign_checklist_item_is_rejected(client, world):
    client.force_login(world.alice)
    data = checklist_post(world.first)
    data["item"] = data["item"] + ["not-an-item"]
    response = client.post(progress_url(world.first), data)
    assert response.status_code == 400
    assertContains(response, "do not belong to this checklist", status_code=400)
    assert not ChecklistTick.objects.exists()


# --- Quiz --------------------------------------------------------------------------


def test_correct_quiz_passes_and_completes_the_module_with_the_checklist(client, world):
    client.force_login(world.alice)
    client.post(progress_url(world.first), correct_quiz_post(world.first))
    attempt = QuizAttempt.objects.get(user=world.alice)
    assert attempt.passed
    assert (attempt.score, attempt.total) == (2, 2)
    # Quiz alone is not enough: the checklist is still open.
    assert ModuleProgress.objects.get(user=world.alice).completed_at is None
    response = client.post(progress_url(world.first), checklist_post(world.first))
    assert ModuleProgress.objects.get(user=world.alice).completed_at is not None
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Module complete." in messages


def test_wrong_answers_do_not_pass_and_show_feedback_for_chosen_answers_only(client, world):
    client.force_login(world.alice)
    client.post(progress_url(world.first), checklist_post(world.first))
    client.post(progress_url(world.first), quiz_post(world.first, {0: [1], 1: [0]}))
    attempt = QuizAttempt.objects.get(user=world.alice)
    assert not attempt.passed
    assert attempt.score == 0
    assert ModuleProgress.objects.get(user=world.alice).completed_at is None
    page = client.get(world.first.url).content.decode()
    assert "Feedback for Staff" in page  # chosen
    assert "Feedback for Library" in page  # chosen
    assert "Feedback for Students" not in page  # not chosen: not revealed
    assert "Feedback for Careers" not in page
    assert "Not passed yet" in page


def test_quiz_page_never_reveals_correctness_before_submitting(client, world):
    for client_user in (None, world.alice):
        if client_user:
            client.force_login(client_user)
        page = client.get(world.first.url).content.decode()
        assert "Feedback for" not in page
        assert "is_correct" not in page
        assert "correct" not in page.lower().replace("correctly", "")


def test_tampered_quiz_submissions_never_pass(client, subtests, world):
    client.force_login(world.alice)
    good = correct_quiz_post(world.first)
    quiz = block_of(world.first, "quiz")
    q1, q2 = quiz.value["questions"].bound_blocks
    q1_answers = [a.id for a in q1.value["answers"].bound_blocks]
    q2_answers = [a.id for a in q2.value["answers"].bound_blocks]
    tampered = [
        # Claiming to have passed, with wrong answers.
        {**quiz_post(world.first, {0: [1], 1: [2]}), "passed": "1", "score": "2"},
        # An answer id from the other question.
        {**good, f"q-{q1.id}": [q2_answers[0]]},
        # A made-up answer id.
        {**good, f"q-{q1.id}": ["00000000-0000-0000-0000-000000000000"]},
        # Both answers of a single-choice question.
        {**good, f"q-{q1.id}": q1_answers},
        # The same answer twice.
        {**good, f"q-{q2.id}": [q2_answers[0], q2_answers[0], q2_answers[1]]},
        # A question missing.
        {key: value for key, value in good.items() if key != f"q-{q2.id}"},
        # An extra, unknown question.
        {**good, "q-invented": [q1_answers[0]]},
        # Another block's id.
        {**good, "block": block_of(world.first, "checklist").id},
    ]
    for data in tampered:
        with subtests.test(data=sorted(data)):
            response = client.post(progress_url(world.first), data)
            assert response.status_code in {302, 400}
    assert not QuizAttempt.objects.filter(passed=True).exists()
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()


def test_unanswered_question_redisplays_the_quiz_with_the_answers_given(client, world):
    client.force_login(world.alice)
    data = quiz_post(world.first, {0: [0]})
    response = client.post(progress_url(world.first), data)
    assert response.status_code == 400
    assertContains(response, "Answer every question.", status_code=400)
    chosen = data[next(key for key in data if key.startswith("q-"))][0]
    assertContains(response, f'value="{chosen}" id="a-{chosen}" checked', status_code=400)
    assert not QuizAttempt.objects.exists()


# --- Who may save progress -----------------------------------------------------------


def test_module_of_another_years_programme_is_refused(client, world):
    old = world.ind.modules["old"]
    client.force_login(world.alice)
    response = client.post(progress_url(old), checklist_post(old))
    assert response.status_code == 403
    assertContains(response, "another year", status_code=403)
    assert not ChecklistTick.objects.exists()
    assert not ModuleProgress.objects.exists()


def test_module_for_another_role_is_refused(client, world):
    welfare = world.ind.modules["welfare"]
    client.force_login(world.bob)  # President
    response = client.post(progress_url(welfare), {"action": "done"})
    assert response.status_code == 403
    assert not ModuleProgress.objects.exists()


def test_prerequisite_must_be_completed_first(client, world):
    client.force_login(world.alice)
    response = client.post(progress_url(world.second), checklist_post(world.second))
    assert response.status_code == 403
    assertContains(response, "Complete “The union and its partners” first", status_code=403)
    finish_first(client, world, world.alice)
    response = client.post(progress_url(world.second), checklist_post(world.second))
    assert response.status_code == 302
    assert ModuleProgress.objects.get(
        user=world.alice, module_key=world.second.translation_key
    ).completed_at


def test_anonymous_and_non_officers_cannot_save_progress(client, world):
    response = client.post(progress_url(world.first), checklist_post(world.first))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    staff = make_user(groups=["Staff"])
    client.force_login(staff)
    response = client.post(progress_url(world.first), checklist_post(world.first))
    assert response.status_code == 403
    assert not ChecklistTick.objects.exists()


def test_get_on_progress_address_is_not_allowed(client, world):
    client.force_login(world.alice)
    assert client.get(progress_url(world.first)).status_code == 405


# --- Privacy -------------------------------------------------------------------------


def test_one_officer_never_sees_another_officers_progress(client, world):
    finish_first(client, world, world.alice)
    reflection = block_of(world.first, "reflection")
    client.post(
        progress_url(world.first),
        {"action": "reflection", "block": reflection.id, "text": "Alice's private thought"},
    )
    assert ReflectionAnswer.objects.filter(user=world.alice).exists()
    client.force_login(world.bob)
    page = client.get(world.first.url).content.decode()
    assert " checked" not in page
    assert "Alice's private thought" not in page
    assert "Your last attempt" not in page
    dashboard = client.get("/en/induction/").content.decode()
    assert "0 of 2 modules done" in dashboard
    assert "Alice" not in dashboard


# --- Dashboard, completion and the badge --------------------------------------------


def test_dashboard_shows_progress_next_module_and_badge_when_done(client, world):
    client.force_login(world.alice)
    dashboard = client.get("/en/induction/")
    assertContains(dashboard, '<progress id="induction-progress" max="3" value="0">')
    assertContains(dashboard, "0 of 3 modules done")
    assertContains(dashboard, "Next module:")
    assert dashboard["Cache-Control"] == "private, no-store"

    finish_first(client, world, world.alice)
    client.post(progress_url(world.second), checklist_post(world.second))
    welfare = world.ind.modules["welfare"]
    response = client.post(progress_url(welfare), {"action": "done"})
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("whole induction" in m for m in messages)
    assert ProgrammeCompletion.objects.filter(user=world.alice).exists()
    dashboard = client.get("/en/induction/")
    assertContains(dashboard, "3 of 3 modules done")
    assertContains(dashboard, "Induction complete")

    # Unticking an item takes the module, and the badge, back.
    block = block_of(world.second, "checklist")
    client.post(progress_url(world.second), {"action": "checklist", "block": block.id})
    assert not ProgrammeCompletion.objects.filter(user=world.alice).exists()


def test_module_without_steps_is_completed_with_a_button(client, world):
    welfare = world.ind.modules["welfare"]
    client.force_login(world.alice)
    assertContains(client.get(welfare.url), "I have finished this module")
    client.post(progress_url(welfare), {"action": "done"})
    assert ModuleProgress.objects.get(
        user=world.alice, module_key=welfare.translation_key
    ).completed_at
    response = client.post(progress_url(world.first), {"action": "done"})
    assert response.status_code == 400


def test_reflection_is_saved_and_too_long_answers_are_kept_with_an_error(client, world):
    client.force_login(world.alice)
    block = block_of(world.first, "reflection")
    client.post(
        progress_url(world.first),
        {"action": "reflection", "block": block.id, "text": "  Fix the bus timetable  "},
    )
    assert ReflectionAnswer.objects.get(user=world.alice).text == "Fix the bus timetable"
    long_text = "x" * 5001
    response = client.post(
        progress_url(world.first),
        {"action": "reflection", "block": block.id, "text": long_text},
    )
    assert response.status_code == 400
    assertContains(response, "under 5,000 characters", status_code=400)
    assertContains(response, long_text, status_code=400)
    assert ReflectionAnswer.objects.get(user=world.alice).text == "Fix the bus timetable"


def test_officers_group_member_without_a_term_sees_the_public_programme(client, world):
    newcomer = make_user(groups=["Officers"])
    client.force_login(newcomer)
    response = client.get("/en/induction/")
    assertContains(response, "once an editor has recorded your term")
    assertNotContains(response, "induction-progress")
    assert Group.objects.filter(name="Officers", user=newcomer).exists()


def test_dashboard_query_count_does_not_grow_with_progress(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.alice)
    client.get("/en/induction/")
    with CaptureQueriesContext(connection) as before:
        client.get("/en/induction/")
    finish_first(client, world, world.alice)
    with CaptureQueriesContext(connection) as after:
        client.get("/en/induction/")
    assert len(after) <= len(before) + 2
