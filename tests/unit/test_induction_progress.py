"""Progress: checklists, server-marked quizzes, completion, resuming, and who may save what."""

from django.contrib.auth.models import Group
from django.test import TestCase

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


class ProgressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, _registry = make_site()
        cls.ind = build_induction(home)
        cls.first = cls.ind.modules["first"]
        cls.second = cls.ind.modules["second"]
        cls.alice = cls.ind.users["alice"]
        cls.bob = cls.ind.users["bob"]

    def progress_url(self, module):
        return module.url + "progress/"

    def finish_first(self, user):
        self.client.force_login(user)
        self.client.post(self.progress_url(self.first), checklist_post(self.first))
        self.client.post(self.progress_url(self.first), correct_quiz_post(self.first))

    # --- Checklist ---------------------------------------------------------------------

    def test_ticking_part_of_a_checklist_saves_each_item_and_resumes_there(self):
        self.client.force_login(self.alice)
        response = self.client.post(
            self.progress_url(self.first), checklist_post(self.first, count=1)
        )
        block = block_of(self.first, "checklist")
        self.assertRedirects(
            response, f"{self.first.url}#step-{block.id}", fetch_redirect_response=False
        )
        self.assertEqual(ChecklistTick.objects.filter(user=self.alice).count(), 1)
        record = ModuleProgress.objects.get(user=self.alice)
        self.assertIsNone(record.completed_at)
        self.assertEqual(record.last_step, block.id)

        page = self.client.get(self.first.url).content.decode()
        first_item, second_item = block.value["items"].bound_blocks
        self.assertIn(f'value="{first_item.id}" id="item-{first_item.id}" checked', page)
        self.assertNotIn(f'value="{second_item.id}" id="item-{second_item.id}" checked', page)

        dashboard = self.client.get("/en/induction/").content.decode()
        self.assertIn("Continue where you left off", dashboard)
        self.assertIn(f"{self.first.url}#step-{block.id}", dashboard)

    def test_unticking_removes_the_tick(self):
        self.client.force_login(self.alice)
        self.client.post(self.progress_url(self.first), checklist_post(self.first))
        block = block_of(self.first, "checklist")
        self.client.post(self.progress_url(self.first), {"action": "checklist", "block": block.id})
        self.assertFalse(ChecklistTick.objects.filter(user=self.alice).exists())

    def test_foreign_checklist_item_is_rejected(self):
        self.client.force_login(self.alice)
        data = checklist_post(self.first)
        data["item"] = data["item"] + ["not-an-item"]
        response = self.client.post(self.progress_url(self.first), data)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "do not belong to this checklist", status_code=400)
        self.assertFalse(ChecklistTick.objects.exists())

    # --- Quiz --------------------------------------------------------------------------

    def test_correct_quiz_passes_and_completes_the_module_with_the_checklist(self):
        self.client.force_login(self.alice)
        self.client.post(self.progress_url(self.first), correct_quiz_post(self.first))
        attempt = QuizAttempt.objects.get(user=self.alice)
        self.assertTrue(attempt.passed)
        self.assertEqual((attempt.score, attempt.total), (2, 2))
        # Quiz alone is not enough: the checklist is still open.
        self.assertIsNone(ModuleProgress.objects.get(user=self.alice).completed_at)
        response = self.client.post(self.progress_url(self.first), checklist_post(self.first))
        self.assertIsNotNone(ModuleProgress.objects.get(user=self.alice).completed_at)
        messages = [str(m) for m in response.wsgi_request._messages]
        self.assertIn("Module complete.", messages)

    def test_wrong_answers_do_not_pass_and_show_feedback_for_chosen_answers_only(self):
        self.client.force_login(self.alice)
        self.client.post(self.progress_url(self.first), checklist_post(self.first))
        self.client.post(self.progress_url(self.first), quiz_post(self.first, {0: [1], 1: [0]}))
        attempt = QuizAttempt.objects.get(user=self.alice)
        self.assertFalse(attempt.passed)
        self.assertEqual(attempt.score, 0)
        self.assertIsNone(ModuleProgress.objects.get(user=self.alice).completed_at)
        page = self.client.get(self.first.url).content.decode()
        self.assertIn("Feedback for Staff", page)  # chosen
        self.assertIn("Feedback for Library", page)  # chosen
        self.assertNotIn("Feedback for Students", page)  # not chosen: not revealed
        self.assertNotIn("Feedback for Careers", page)
        self.assertIn("Not passed yet", page)

    def test_quiz_page_never_reveals_correctness_before_submitting(self):
        for client_user in (None, self.alice):
            if client_user:
                self.client.force_login(client_user)
            page = self.client.get(self.first.url).content.decode()
            self.assertNotIn("Feedback for", page)
            self.assertNotIn("is_correct", page)
            self.assertNotIn("correct", page.lower().replace("correctly", ""))

    def test_tampered_quiz_submissions_never_pass(self):
        self.client.force_login(self.alice)
        good = correct_quiz_post(self.first)
        quiz = block_of(self.first, "quiz")
        q1, q2 = quiz.value["questions"].bound_blocks
        q1_answers = [a.id for a in q1.value["answers"].bound_blocks]
        q2_answers = [a.id for a in q2.value["answers"].bound_blocks]
        tampered = [
            # Claiming to have passed, with wrong answers.
            {**quiz_post(self.first, {0: [1], 1: [2]}), "passed": "1", "score": "2"},
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
            {**good, "block": block_of(self.first, "checklist").id},
        ]
        for data in tampered:
            with self.subTest(data=sorted(data)):
                response = self.client.post(self.progress_url(self.first), data)
                self.assertIn(response.status_code, {302, 400})
        self.assertFalse(QuizAttempt.objects.filter(passed=True).exists())
        self.assertFalse(ModuleProgress.objects.filter(completed_at__isnull=False).exists())

    def test_unanswered_question_redisplays_the_quiz_with_the_answers_given(self):
        self.client.force_login(self.alice)
        data = quiz_post(self.first, {0: [0]})
        response = self.client.post(self.progress_url(self.first), data)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Answer every question.", status_code=400)
        chosen = data[next(key for key in data if key.startswith("q-"))][0]
        self.assertContains(response, f'value="{chosen}" id="a-{chosen}" checked', status_code=400)
        self.assertFalse(QuizAttempt.objects.exists())

    # --- Who may save progress -----------------------------------------------------------

    def test_module_of_another_years_programme_is_refused(self):
        old = self.ind.modules["old"]
        self.client.force_login(self.alice)
        response = self.client.post(self.progress_url(old), checklist_post(old))
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "another year", status_code=403)
        self.assertFalse(ChecklistTick.objects.exists())
        self.assertFalse(ModuleProgress.objects.exists())

    def test_module_for_another_role_is_refused(self):
        welfare = self.ind.modules["welfare"]
        self.client.force_login(self.bob)  # President
        response = self.client.post(self.progress_url(welfare), {"action": "done"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ModuleProgress.objects.exists())

    def test_prerequisite_must_be_completed_first(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.progress_url(self.second), checklist_post(self.second))
        self.assertEqual(response.status_code, 403)
        self.assertContains(
            response, "Complete “The union and its partners” first", status_code=403
        )
        self.finish_first(self.alice)
        response = self.client.post(self.progress_url(self.second), checklist_post(self.second))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(
            ModuleProgress.objects.get(
                user=self.alice, module_key=self.second.translation_key
            ).completed_at
        )

    def test_anonymous_and_non_officers_cannot_save_progress(self):
        response = self.client.post(self.progress_url(self.first), checklist_post(self.first))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        staff = make_user(groups=["Staff"])
        self.client.force_login(staff)
        response = self.client.post(self.progress_url(self.first), checklist_post(self.first))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ChecklistTick.objects.exists())

    def test_get_on_progress_address_is_not_allowed(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.progress_url(self.first)).status_code, 405)

    # --- Privacy -------------------------------------------------------------------------

    def test_one_officer_never_sees_another_officers_progress(self):
        self.finish_first(self.alice)
        reflection = block_of(self.first, "reflection")
        self.client.post(
            self.progress_url(self.first),
            {"action": "reflection", "block": reflection.id, "text": "Alice's private thought"},
        )
        self.assertTrue(ReflectionAnswer.objects.filter(user=self.alice).exists())
        self.client.force_login(self.bob)
        page = self.client.get(self.first.url).content.decode()
        self.assertNotIn(" checked", page)
        self.assertNotIn("Alice's private thought", page)
        self.assertNotIn("Your last attempt", page)
        dashboard = self.client.get("/en/induction/").content.decode()
        self.assertIn("0 of 2 modules done", dashboard)
        self.assertNotIn("Alice", dashboard)

    # --- Dashboard, completion and the badge --------------------------------------------

    def test_dashboard_shows_progress_next_module_and_badge_when_done(self):
        self.client.force_login(self.alice)
        dashboard = self.client.get("/en/induction/")
        self.assertContains(dashboard, '<progress id="induction-progress" max="3" value="0">')
        self.assertContains(dashboard, "0 of 3 modules done")
        self.assertContains(dashboard, "Next module:")
        self.assertEqual(dashboard["Cache-Control"], "private, no-store")

        self.finish_first(self.alice)
        self.client.post(self.progress_url(self.second), checklist_post(self.second))
        welfare = self.ind.modules["welfare"]
        response = self.client.post(self.progress_url(welfare), {"action": "done"})
        messages = [str(m) for m in response.wsgi_request._messages]
        self.assertTrue(any("whole induction" in m for m in messages))
        self.assertTrue(ProgrammeCompletion.objects.filter(user=self.alice).exists())
        dashboard = self.client.get("/en/induction/")
        self.assertContains(dashboard, "3 of 3 modules done")
        self.assertContains(dashboard, "Induction complete")

        # Unticking an item takes the module, and the badge, back.
        block = block_of(self.second, "checklist")
        self.client.post(self.progress_url(self.second), {"action": "checklist", "block": block.id})
        self.assertFalse(ProgrammeCompletion.objects.filter(user=self.alice).exists())

    def test_module_without_steps_is_completed_with_a_button(self):
        welfare = self.ind.modules["welfare"]
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(welfare.url), "I have finished this module")
        self.client.post(self.progress_url(welfare), {"action": "done"})
        self.assertTrue(
            ModuleProgress.objects.get(
                user=self.alice, module_key=welfare.translation_key
            ).completed_at
        )
        response = self.client.post(self.progress_url(self.first), {"action": "done"})
        self.assertEqual(response.status_code, 400)

    def test_reflection_is_saved_and_too_long_answers_are_kept_with_an_error(self):
        self.client.force_login(self.alice)
        block = block_of(self.first, "reflection")
        self.client.post(
            self.progress_url(self.first),
            {"action": "reflection", "block": block.id, "text": "  Fix the bus timetable  "},
        )
        self.assertEqual(
            ReflectionAnswer.objects.get(user=self.alice).text, "Fix the bus timetable"
        )
        long_text = "x" * 5001
        response = self.client.post(
            self.progress_url(self.first),
            {"action": "reflection", "block": block.id, "text": long_text},
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "under 5,000 characters", status_code=400)
        self.assertContains(response, long_text, status_code=400)
        self.assertEqual(
            ReflectionAnswer.objects.get(user=self.alice).text, "Fix the bus timetable"
        )

    def test_officers_group_member_without_a_term_sees_the_public_programme(self):
        newcomer = make_user(groups=["Officers"])
        self.client.force_login(newcomer)
        response = self.client.get("/en/induction/")
        self.assertContains(response, "once an editor has recorded your term")
        self.assertNotContains(response, "induction-progress")
        self.assertTrue(Group.objects.filter(name="Officers", user=newcomer).exists())

    def test_dashboard_query_count_does_not_grow_with_progress(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.force_login(self.alice)
        self.client.get("/en/induction/")
        with CaptureQueriesContext(connection) as before:
            self.client.get("/en/induction/")
        self.finish_first(self.alice)
        with CaptureQueriesContext(connection) as after:
            self.client.get("/en/induction/")
        self.assertLessEqual(len(after), len(before) + 2)
