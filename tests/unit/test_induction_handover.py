"""Handover from the outgoing officer to their successor, and projects released at term end."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from induction.models import Handover, HandoverContact, HandoverProject, OfficerTerm
from induction.succession import end_terms, release_projects
from projects.models import ProjectMember, ProjectPage
from tests.factories import build_induction, make_project, make_site, make_user


def form_data(**extra):
    data = {
        "action": "save",
        "overview": "A busy year.",
        "pledges_note": "",
        "pending_decisions": "The food outlet contract is decided in September.",
        "advice": "Meet the registrar early.",
        "project_query": "",
        "contacts-TOTAL_FORMS": "2",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "30",
        "contacts-0-name": "Dana Diaz",
        "contacts-0-role": "Head of Student Services",
        "contacts-0-email": "dana@example.org",
        "contacts-0-why": "Runs the counselling service.",
    }
    data.update(extra)
    return data


class HandoverTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, registry = make_site()
        cls.ind = build_induction(home)
        cls.carol = cls.ind.users["carol"]  # outgoing VP Welfare
        cls.alice = cls.ind.users["alice"]  # incoming VP Welfare
        cls.bob = cls.ind.users["bob"]  # incoming President
        cls.term = cls.ind.terms["carol"]
        cls.registry = registry
        cls.project = make_project(registry, title="Peer support circles", union_contact=cls.carol)
        cls.other_project = make_project(registry, title="Library opening hours")
        cls.moderator = make_user("mod@example.org", groups=["Moderators"])
        cls.editor = make_user("ed@example.org", groups=["Editors"])

    def write_url(self):
        return f"/en/induction/handover/write/{self.term.pk}/"

    def write(self, **extra):
        self.client.force_login(self.carol)
        return self.client.post(self.write_url(), form_data(**extra))

    def read_url(self, handover):
        return f"/en/induction/handover/{handover.pk}/"

    def assert_can_read(self, user, handover, allowed):
        self.client.force_login(user)
        status = self.client.get(self.read_url(handover)).status_code
        self.assertEqual(status, 200 if allowed else 404, user.email)

    def test_draft_is_private_to_its_author(self):
        response = self.write(
            **{"projects": [self.project.pk], f"note_{self.project.pk}": "Recruiting volunteers."}
        )
        self.assertEqual(response.status_code, 302)
        handover = Handover.objects.get(term=self.term)
        self.assertEqual(handover.status, Handover.Status.DRAFT)
        self.assertEqual(
            HandoverProject.objects.get(handover=handover).note, "Recruiting volunteers."
        )
        self.assertEqual(HandoverContact.objects.get(handover=handover).name, "Dana Diaz")
        self.assert_can_read(self.carol, handover, True)
        for user in (self.alice, self.bob, self.moderator, self.editor):
            self.assert_can_read(user, handover, False)
        self.client.force_login(self.alice)
        self.assertNotContains(self.client.get("/en/induction/"), "Handover from Carol")

    def test_submitted_handover_reaches_the_successor_and_moderators_only(self):
        response = self.write(action="submit", projects=[self.project.pk])
        handover = Handover.objects.get(term=self.term)
        self.assertRedirects(response, self.read_url(handover), fetch_redirect_response=False)
        self.assertEqual(handover.status, Handover.Status.SUBMITTED)
        self.assertIsNotNone(handover.submitted_at)
        self.assert_can_read(self.carol, handover, True)
        self.assert_can_read(self.alice, handover, True)
        self.assert_can_read(self.moderator, handover, True)
        self.assert_can_read(self.bob, handover, False)
        self.assert_can_read(self.editor, handover, False)
        self.client.logout()
        response = self.client.get(self.read_url(handover))
        self.assertEqual(response.status_code, 302)

        self.client.force_login(self.alice)
        page = self.client.get(self.read_url(handover))
        self.assertContains(page, "Peer support circles")
        self.assertContains(page, "Dana Diaz")
        self.assertContains(page, "Meet the registrar early.")
        dashboard = self.client.get("/en/induction/")
        self.assertContains(dashboard, "Handover from Carol Costa (VP Welfare)")

        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["alice@example.org"])
        self.assertIn(self.read_url(handover), mail.outbox[0].body)

    def test_other_officers_cannot_write_into_someone_elses_term(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.write_url()).status_code, 404)
        self.assertEqual(self.client.post(self.write_url(), form_data()).status_code, 404)
        self.assertFalse(Handover.objects.exists())

    def test_invalid_contact_keeps_everything_typed_and_saves_nothing(self):
        response = self.write(
            **{"contacts-0-email": "not-an-address", "advice": "Keep this advice"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Enter a valid email address.", status_code=400)
        self.assertContains(response, "Keep this advice", status_code=400)
        self.assertContains(response, 'aria-invalid="true"', status_code=400)
        self.assertFalse(Handover.objects.exists())

    def test_too_long_project_note_is_refused(self):
        response = self.write(
            **{"projects": [self.project.pk], f"note_{self.project.pk}": "x" * 1001}
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Keep the note under 1000 characters.", status_code=400)
        self.assertFalse(Handover.objects.exists())

    def test_finding_projects_saves_the_draft_and_offers_matches(self):
        response = self.write(action="find", project_query="library opening")
        self.assertEqual(response.status_code, 302)
        self.assertIn("q=library+opening", response["Location"])
        self.assertTrue(Handover.objects.filter(term=self.term).exists())
        page = self.client.get(response["Location"])
        self.assertContains(page, "Library opening hours")
        self.assertContains(page, f'name="projects" value="{self.other_project.pk}"')

    def test_only_own_open_pledges_can_be_passed_on(self):
        from induction.models import Pledge

        mine = Pledge.objects.create(officer=self.carol, title="Free period products")
        theirs = Pledge.objects.create(officer=self.alice, title="Alice's pledge")
        self.write(unfinished_pledges=[mine.pk])
        handover = Handover.objects.get(term=self.term)
        self.assertEqual(list(handover.unfinished_pledges.all()), [mine])
        response = self.write(unfinished_pledges=[theirs.pk])
        self.assertEqual(response.status_code, 400)
        self.assertEqual(list(handover.unfinished_pledges.all()), [mine])

    def test_handover_list_shows_terms_and_moderators_see_all_submitted(self):
        self.write(action="submit")
        self.client.force_login(self.moderator)
        response = self.client.get("/en/induction/handover/")
        self.assertContains(response, "All submitted handovers")
        self.assertContains(response, "Carol Costa")
        self.client.force_login(make_user(groups=["Staff"]))
        self.assertEqual(self.client.get("/en/induction/handover/").status_code, 404)


class EndOfTermTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, registry = make_site()
        cls.ind = build_induction(home)
        cls.carol = cls.ind.users["carol"]
        cls.led = make_project(registry, title="Led by Carol", union_contact=cls.carol)
        cls.joined = make_project(registry, title="Carol is a member")
        ProjectMember.objects.create(project=cls.joined, user=cls.carol, role="Officer")
        cls.untouched = make_project(registry, title="Someone else's")

    def end_carols_term(self):
        term = OfficerTerm.objects.get(pk=self.ind.terms["carol"].pk)
        OfficerTerm.objects.filter(pk=term.pk).update(
            ends_on=timezone.localdate() - datetime.timedelta(days=1)
        )
        term.refresh_from_db()
        return term

    def flags(self):
        return dict(ProjectPage.objects.values_list("title", "needs_new_lead"))

    def test_daily_command_flags_projects_left_without_a_lead_once(self):
        term = self.end_carols_term()
        call_command("end_terms", verbosity=0)
        self.assertEqual(
            self.flags(),
            {"Led by Carol": True, "Carol is a member": False, "Someone else's": False},
        )
        term.refresh_from_db()
        self.assertIsNotNone(term.projects_released_at)
        # The flag survives the next publish of an older draft.
        led = ProjectPage.objects.get(pk=self.led.pk)
        led.latest_revision.refresh_from_db()
        self.assertTrue(led.latest_revision.content["needs_new_lead"])
        led.latest_revision.publish()
        self.assertTrue(ProjectPage.objects.get(pk=self.led.pk).needs_new_lead)
        # Running again changes nothing.
        ProjectPage.objects.filter(pk=self.led.pk).update(needs_new_lead=False)
        self.assertEqual(end_terms(), [])
        self.assertFalse(ProjectPage.objects.get(pk=self.led.pk).needs_new_lead)

    def test_terms_still_running_are_left_alone(self):
        self.assertEqual(end_terms(), [])
        self.assertFalse(any(self.flags().values()))

    def test_re_elected_officer_keeps_their_projects(self):
        term = self.end_carols_term()
        OfficerTerm.objects.create(
            user=self.carol,
            role=term.role,
            starts_on=timezone.localdate() - datetime.timedelta(days=1),
            ends_on=timezone.localdate() + datetime.timedelta(days=300),
        )
        self.assertEqual(release_projects(term), 0)
        self.assertFalse(any(self.flags().values()))

    def test_saving_a_term_that_has_ended_releases_projects_at_once(self):
        term = OfficerTerm.objects.get(pk=self.ind.terms["carol"].pk)
        term.ends_on = timezone.localdate() - datetime.timedelta(days=2)
        term.save()
        self.assertTrue(self.flags()["Led by Carol"])
