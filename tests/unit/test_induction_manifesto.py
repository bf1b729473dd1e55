"""Manifesto pledges: project suggestions, links, status updates, privacy and the tracker."""

from django.test import TestCase
from wagtail.models import Locale

from induction.matching import search_projects, suggest_for_pledge
from induction.models import ManifestoTracker, Pledge, PledgeUpdate
from projects.models import ProjectPage
from tests.factories import build_induction, make_project, make_site, make_theme


class ManifestoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, registry = make_site()
        cls.home, cls.registry = home, registry
        cls.ind = build_induction(home)
        cls.alice = cls.ind.users["alice"]
        cls.bob = cls.ind.users["bob"]
        wellbeing = make_theme("wellbeing", "Wellbeing")
        cls.peer = make_project(
            registry,
            title="Peer mental health support network",
            summary="Trained student volunteers offer peer support for mental health and "
            "signpost to counselling.",
            themes=[wellbeing],
        )
        cls.library = make_project(
            registry,
            title="Library opening hours",
            summary="Longer opening hours in the exam period.",
        )
        cls.careers = make_project(
            registry,
            title="Accessible careers fair",
            summary="A careers fair everyone can get into.",
        )

    def setUp(self):
        self.client.force_login(self.alice)

    def pledge(self, title="Mental health support on every campus", **fields):
        return Pledge.objects.create(officer=self.alice, title=title, **fields)

    def url(self, pledge=None, suffix=""):
        if pledge is None:
            return "/en/induction/manifesto/"
        return f"/en/induction/manifesto/{pledge.pk}/{suffix}"

    # --- Suggestions -------------------------------------------------------------------

    def test_mental_health_pledge_is_matched_to_the_wellbeing_project(self):
        pledge = self.pledge(description="More support for students' mental health.")
        suggestions, degraded = suggest_for_pledge(pledge)
        self.assertFalse(degraded)
        self.assertEqual(suggestions[0].pk, self.peer.pk)
        self.assertNotIn(self.library.pk, [p.pk for p in suggestions])
        page = self.client.get(self.url(pledge))
        self.assertContains(page, "Peer mental health support network")

    def test_adding_a_pledge_goes_straight_to_its_suggestions(self):
        response = self.client.post(
            self.url(),
            {"action": "add", "add-title": "Mental health support", "add-description": ""},
        )
        pledge = Pledge.objects.get(officer=self.alice)
        self.assertRedirects(
            response, self.url(pledge) + "#suggestions", fetch_redirect_response=False
        )
        self.assertContains(self.client.get(self.url(pledge)), "Peer mental health support")

    def test_search_covers_the_officers_language_and_english_without_duplicates(self):
        german = Locale.objects.get(language_code="de")
        de_registry = self.registry.copy_for_translation(german, copy_parents=True, alias=True)
        # The English project has a German version (same translation key) ...
        self.peer.copy_for_translation(german, alias=True)
        # ... and one project exists only in German.
        de_only = ProjectPage(
            title="Beratung zur psychischen Gesundheit",
            summary="Mental health Beratung für Studierende in Prüfungszeiten.",
            locale=german,
        )
        de_registry.add_child(instance=de_only)
        de_only.save_revision().publish()
        found, _degraded = search_projects("mental health", "de")
        keys = [page.translation_key for page in found]
        self.assertEqual(len(keys), len(set(keys)))
        self.assertIn(self.peer.translation_key, keys)
        self.assertIn(de_only.translation_key, keys)
        # English-only readers do not get the German-only project.
        found_en, _degraded = search_projects("mental health", "en")
        self.assertNotIn(de_only.translation_key, [p.translation_key for p in found_en])

    def test_linking_unlinking_and_new_initiative(self):
        pledge = self.pledge()
        response = self.client.post(self.url(pledge), {"action": "link", "project": self.peer.pk})
        self.assertRedirects(response, self.url(pledge) + "#linked", fetch_redirect_response=False)
        self.assertEqual(list(pledge.projects.all()), [self.peer])
        # Linked projects are not suggested again.
        suggestions, _ = suggest_for_pledge(pledge)
        self.assertNotIn(self.peer.pk, [p.pk for p in suggestions])
        # A pledge that builds on a project is not a new initiative.
        response = self.client.post(self.url(pledge), {"action": "new_initiative"})
        self.assertContains(response, "Unlink them first", status_code=400)
        self.client.post(self.url(pledge), {"action": "unlink", "project": self.peer.pk})
        self.assertFalse(pledge.projects.exists())
        self.client.post(self.url(pledge), {"action": "new_initiative"})
        pledge.refresh_from_db()
        self.assertTrue(pledge.is_new_initiative)
        # Linking a project later clears it.
        self.client.post(self.url(pledge), {"action": "link", "project": self.library.pk})
        pledge.refresh_from_db()
        self.assertFalse(pledge.is_new_initiative)

    def test_linking_an_unpublished_or_unknown_project_is_refused(self):
        pledge = self.pledge()
        self.careers.unpublish()
        for value in (self.careers.pk, "999999", "abc", ""):
            response = self.client.post(self.url(pledge), {"action": "link", "project": value})
            self.assertContains(response, "could not be found", status_code=400)
        self.assertFalse(pledge.projects.exists())

    def test_searching_the_registry_from_a_pledge(self):
        pledge = self.pledge()
        response = self.client.get(self.url(pledge), {"q": "careers"})
        self.assertEqual([p.pk for p in response.context["results"]], [self.careers.pk])
        response = self.client.get(self.url(pledge), {"q": '" * ( ) & | ! :'})
        self.assertEqual(response.status_code, 200)

    # --- Status and updates --------------------------------------------------------------

    def test_status_update_is_dated_and_dropping_needs_a_reason(self):
        pledge = self.pledge()
        response = self.client.post(
            self.url(pledge),
            {"action": "status", "status-status": "in_progress", "status-note": "Met the SU"},
        )
        self.assertRedirects(response, self.url(pledge) + "#updates", fetch_redirect_response=False)
        update = PledgeUpdate.objects.get(pledge=pledge)
        self.assertEqual((update.status, update.note), ("in_progress", "Met the SU"))
        self.assertIsNotNone(update.created_at)

        response = self.client.post(
            self.url(pledge), {"action": "status", "status-status": "dropped", "status-note": ""}
        )
        self.assertContains(response, "Say why the pledge was dropped.", status_code=400)
        self.assertContains(response, 'href="#id_status-dropped_reason"', status_code=400)
        pledge.refresh_from_db()
        self.assertEqual(pledge.status, "in_progress")

        self.client.post(
            self.url(pledge),
            {
                "action": "status",
                "status-status": "dropped",
                "status-dropped_reason": "The budget went to the food bank.",
            },
        )
        pledge.refresh_from_db()
        self.assertEqual(pledge.status, "dropped")
        self.assertEqual(pledge.dropped_reason, "The budget went to the food bank.")
        self.assertEqual(pledge.updates.count(), 2)

    def test_an_update_without_change_or_note_is_refused(self):
        pledge = self.pledge()
        response = self.client.post(
            self.url(pledge), {"action": "status", "status-status": "not_started"}
        )
        self.assertContains(response, "Change the status or write what happened.", status_code=400)
        self.assertFalse(PledgeUpdate.objects.exists())

    def test_pledge_form_errors_are_explained(self):
        response = self.client.post(self.url(), {"action": "add", "add-title": ""})
        self.assertContains(response, "This field is required.")
        self.assertContains(response, 'aria-invalid="true"')
        self.assertContains(response, 'aria-describedby="id_add-title_error')
        self.assertFalse(Pledge.objects.exists())

    def test_errors_are_in_the_readers_language(self):
        german = Locale.objects.get(language_code="de")
        self.ind.hub.copy_for_translation(german, copy_parents=True, alias=True)
        response = self.client.post("/de/induction/manifesto/", {"action": "add", "add-title": ""})
        self.assertContains(response, "Dieses Feld muss ausgefüllt werden.")
        self.assertFalse(Pledge.objects.exists())

    def test_delete_needs_confirmation(self):
        pledge = self.pledge()
        self.assertContains(self.client.get(self.url(pledge, "delete/")), "cannot be undone")
        self.client.post(self.url(pledge, "delete/"))
        self.assertFalse(Pledge.objects.filter(pk=pledge.pk).exists())

    # --- Privacy and the public tracker --------------------------------------------------

    def test_other_officers_cannot_see_or_change_a_pledge(self):
        pledge = self.pledge(title="Alice's secret plan")
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url(pledge)).status_code, 404)
        for data in (
            {"action": "link", "project": self.peer.pk},
            {"action": "status", "status-status": "achieved", "status-note": "x"},
        ):
            self.assertEqual(self.client.post(self.url(pledge), data).status_code, 404)
        self.assertEqual(self.client.post(self.url(pledge, "delete/")).status_code, 404)
        self.assertNotContains(self.client.get(self.url()), "Alice's secret plan")
        pledge.refresh_from_db()
        self.assertEqual(pledge.status, "not_started")
        self.assertFalse(pledge.projects.exists())

    def test_people_without_a_term_have_no_manifesto(self):
        self.client.logout()
        self.assertEqual(self.client.get(self.url()).status_code, 302)
        from tests.factories import make_user

        self.client.force_login(make_user(groups=["Staff"]))
        self.assertEqual(self.client.get(self.url()).status_code, 404)

    def test_tracker_is_private_until_published(self):
        pledge = self.pledge(description="Peer support in every school.")
        pledge.projects.add(self.peer, self.careers)
        self.careers.unpublish()
        PledgeUpdate.objects.create(pledge=pledge, status="in_progress", note="First meeting")
        tracker = ManifestoTracker.for_user(self.alice)
        public_url = f"/en/induction/officers/{tracker.slug}/"
        self.client.logout()
        self.assertEqual(self.client.get(public_url).status_code, 404)

        self.client.force_login(self.alice)
        self.client.post(
            self.url(),
            {"action": "tracker", "tracker-is_public": "on", "tracker-intro": "What I promised."},
        )
        tracker.refresh_from_db()
        self.assertTrue(tracker.is_public)
        self.assertIsNotNone(tracker.published_at)
        self.client.logout()
        page = self.client.get(public_url)
        self.assertContains(page, "Alice Adeyemi")
        self.assertContains(page, "Mental health support on every campus")
        self.assertContains(page, "Peer mental health support network")
        self.assertNotContains(page, "Accessible careers fair")  # unpublished project
        self.assertContains(page, "First meeting")
        self.assertContains(page, "VP Welfare")
        self.assertContains(self.client.get("/en/induction/"), public_url)

    def test_tracker_slugs_are_unique(self):
        first = ManifestoTracker.for_user(self.alice)
        self.alice.display_name = "Bob Berger"
        self.alice.save()
        second = ManifestoTracker.for_user(self.bob)
        self.assertNotEqual(first.slug, second.slug)
        self.assertEqual(ManifestoTracker.for_user(self.bob), second)
