"""Personal data export and erasure, page-type rules, and editing in the admin."""

import datetime

from django.test import TestCase
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from hub import personal_data
from hub.models import HomePage
from induction.models import (
    CalendarToken,
    ChecklistTick,
    Handover,
    InductionIndexPage,
    InductionProgrammePage,
    ManifestoTracker,
    ModuleProgress,
    OfficerRole,
    OfficerTerm,
    Pledge,
    PledgeUpdate,
    QuizAttempt,
    TrainingModulePage,
)
from tests.factories import build_induction, checklist_post, correct_quiz_post, make_site, make_user


class PersonalDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, _registry = make_site()
        cls.ind = build_induction(home)

    def setUp(self):
        alice = self.ind.users["alice"]
        first = self.ind.modules["first"]
        self.client.force_login(alice)
        self.client.post(first.url + "progress/", checklist_post(first))
        self.client.post(first.url + "progress/", correct_quiz_post(first))
        pledge = Pledge.objects.create(officer=alice, title="Longer library hours")
        PledgeUpdate.objects.create(pledge=pledge, status="in_progress", note="Asked the library")
        ManifestoTracker.for_user(alice)
        CalendarToken.objects.create(user=alice)
        carol = self.ind.users["carol"]
        self.submitted = Handover.objects.create(
            term=self.ind.terms["carol"], author=carol, status="submitted", advice="Be bold"
        )

    def test_induction_registers_with_the_personal_data_registry(self):
        self.assertIn("induction", personal_data.providers())

    def test_export_holds_the_officers_own_data(self):
        data = personal_data.export_user_data(self.ind.users["alice"])["induction"]
        self.assertEqual(data["terms"][0]["role"], "VP Welfare")
        self.assertEqual(len(data["checklist_ticks"]), 2)
        self.assertTrue(data["quiz_attempts"][0]["passed"])
        self.assertEqual(data["pledges"][0]["title"], "Longer library hours")
        self.assertEqual(data["pledges"][0]["updates"][0]["note"], "Asked the library")
        self.assertTrue(data["calendar_feed"])
        carol_data = personal_data.export_user_data(self.ind.users["carol"])["induction"]
        self.assertEqual(carol_data["handovers_written"][0]["advice"], "Be bold")
        self.assertEqual(carol_data["pledges"], [])

    def test_erasure_removes_personal_records_and_keeps_what_others_rely_on(self):
        alice, carol = self.ind.users["alice"], self.ind.users["carol"]
        personal_data.erase_user_data(alice)
        for model in (ChecklistTick, QuizAttempt, ModuleProgress):
            self.assertFalse(model.objects.filter(user=alice).exists(), model)
        self.assertFalse(Pledge.objects.filter(officer=alice).exists())
        self.assertFalse(CalendarToken.objects.filter(user=alice).exists())
        self.assertFalse(ManifestoTracker.objects.filter(user=alice).exists())
        term = OfficerTerm.objects.get(pk=self.ind.terms["alice"].pk)
        self.assertIsNone(term.user)

        draft = Handover.objects.create(
            term=OfficerTerm.objects.create(
                user=carol,
                role=self.ind.roles["president"],
                starts_on=datetime.date(2000, 7, 1),
                ends_on=datetime.date(2001, 6, 30),
            ),
            author=carol,
        )
        personal_data.erase_user_data(carol)
        self.assertFalse(Handover.objects.filter(pk=draft.pk).exists())
        self.submitted.refresh_from_db()
        self.assertIsNone(self.submitted.author)
        self.assertEqual(self.submitted.advice, "Be bold")


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home, _registry = make_site()
        cls.ind = build_induction(home)
        cls.admin = make_user("root@example.org", is_superuser=True, is_staff=True)

    def test_page_tree_rules(self):
        self.assertCanCreateAt(HomePage, InductionIndexPage)
        self.assertCanCreateAt(InductionIndexPage, InductionProgrammePage)
        self.assertCanCreateAt(InductionProgrammePage, TrainingModulePage)
        self.assertCanNotCreateAt(HomePage, TrainingModulePage)
        self.assertCanNotCreateAt(InductionIndexPage, TrainingModulePage)
        self.assertCanNotCreateAt(TrainingModulePage, TrainingModulePage)

    def test_admin_edit_forms_render(self):
        self.client.force_login(self.admin)
        for page in (self.ind.hub, self.ind.programme, self.ind.modules["first"]):
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            self.assertEqual(response.status_code, 200, page)
        response = self.client.get(
            f"/admin/pages/add/induction/trainingmodulepage/{self.ind.programme.pk}/"
        )
        self.assertContains(response, "VP Welfare")  # target roles as checkboxes

    def test_editors_manage_roles_and_terms_in_the_admin(self):
        editor = make_user("editor@example.org", groups=["Editors"])
        self.client.force_login(editor)
        response = self.client.post(
            "/admin/snippets/induction/officerrole/add/",
            {
                "name": "VP Sport",
                "slug": "vp-sport",
                "remit": "Sport for everyone.",
                "seats-count": "0",
                "sort_order": "6",
                "locale": Locale.get_default().pk,
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        role = OfficerRole.objects.get(slug="vp-sport")
        user = make_user("new@example.org", groups=["Officers"])
        response = self.client.post(
            "/admin/snippets/induction/officerterm/add/",
            {"user": user.pk, "role": role.pk, "starts_on": "2030-07-01", "ends_on": "2030-06-01"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A term must end after it starts.")
        response = self.client.post(
            "/admin/snippets/induction/officerterm/add/",
            {"user": user.pk, "role": role.pk, "starts_on": "2030-07-01", "ends_on": "2031-06-30"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(OfficerTerm.objects.filter(user=user, role=role).exists())


class TranslationTests(TestCase):
    """Editors translate pages with wagtail-localize; progress must carry across languages."""

    @classmethod
    def setUpTestData(cls):
        home, _registry = make_site()
        cls.ind = build_induction(home)

    def test_translated_module_keeps_block_ids_and_shares_progress(self):
        from wagtail_localize.models import TranslationSource

        german = Locale.objects.get(language_code="de")
        # The German home and hub mirror the English ones (as load_demo's sync does) ...
        self.ind.hub.copy_for_translation(german, copy_parents=True, alias=True)
        # ... and the programme, a module and the roles are translated, each published
        # when its own transaction commits, as in the admin.
        for obj in (self.ind.programme, self.ind.modules["first"], *self.ind.roles.values()):
            with self.captureOnCommitCallbacks(execute=True):
                source, _created = TranslationSource.get_or_create_from_instance(obj)
                source.create_or_update_translation(german, fallback=True)
        english = TrainingModulePage.objects.get(pk=self.ind.modules["first"].pk)
        translated = english.get_translation(german)
        self.assertTrue(translated.live)
        self.assertIsNone(translated.alias_of_id)
        self.assertTrue(translated.url.startswith("/de/"))
        self.assertEqual(translated.checklist_item_ids, english.checklist_item_ids)
        self.assertEqual(translated.quiz_ids, english.quiz_ids)
        programme_de = self.ind.programme.get_translation(german).specific
        self.assertEqual(
            [s.id for s in programme_de.sessions()], [s.id for s in self.ind.programme.sessions()]
        )
        self.assertEqual(
            OfficerRole.objects.get(locale=german, slug="vp-welfare").translation_key,
            self.ind.roles["vp-welfare"].translation_key,
        )

        alice = self.ind.users["alice"]
        self.client.force_login(alice)
        response = self.client.post(translated.url + "progress/", checklist_post(translated))
        self.assertEqual(response.status_code, 302)
        response = self.client.post(english.url + "progress/", correct_quiz_post(english))
        self.assertEqual(response.status_code, 302)
        record = ModuleProgress.objects.get(user=alice)
        self.assertIsNotNone(record.completed_at)  # German checklist + English quiz
