"""Editors' tools: the officer import (all or nothing) and the cohort report."""

import csv
import datetime
import io
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from induction.models import Handover, OfficerTerm
from tests.factories import build_induction, checklist_post, correct_quiz_post, make_site, make_user

IMPORT_URL = "/admin/induction/import/"
REPORT_URL = "/admin/induction/cohort/"


def upload(text, name="officers.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, _registry = make_site()
        cls.ind = build_induction(home)
        cls.editor = make_user("editor@example.org", groups=["Editors"])

    def setUp(self):
        self.client.force_login(self.editor)

    def post(self, text, **kwargs):
        return self.client.post(IMPORT_URL, {"file": upload(text, **kwargs)})

    def test_valid_file_creates_officers_and_invites_them(self):
        year = self.ind.year + 1
        text = (
            "Name,E-mail,Role,Start,End\n"
            f"Zoe Zhang,Zoe@Example.org,VP Education,{year}-07-01,{year + 1}-06-30\n"
            f"Yusuf Yilmaz,yusuf@example.org,president,01/07/{year},30/06/{year + 1}\n"
            f"Bob Berger,bob@example.org,VP Welfare,{year}-07-01,{year + 1}-06-30\n"
        )
        # Invitations go out once the import has committed, not before.
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            response = self.post(text)
        self.assertEqual(len(mail.outbox), 0)
        for callback in callbacks:
            callback()
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Imported 3 officers")
        users = get_user_model().objects
        zoe = users.get(email="zoe@example.org")
        self.assertEqual(zoe.display_name, "Zoe Zhang")
        self.assertTrue(zoe.in_group("Officers"))
        self.assertFalse(zoe.has_usable_password())
        term = OfficerTerm.objects.get(user=zoe)
        self.assertEqual(term.role.slug, "vp-education")
        self.assertEqual(term.starts_on, datetime.date(year, 7, 1))
        self.assertEqual(
            OfficerTerm.objects.get(user__email="yusuf@example.org").role.slug, "president"
        )

        self.assertEqual(len(mail.outbox), 3)
        by_recipient = {message.to[0]: message for message in mail.outbox}
        zoe_mail = by_recipient["zoe@example.org"]
        self.assertIn("VP Education", zoe_mail.subject)
        link = re.search(r"http://testserver(/en/accounts/welcome/\S+/)", zoe_mail.body)
        self.assertIsNotNone(link)
        # Bob already had an account with a password: no set-password link for him.
        self.assertNotIn("/accounts/welcome/", by_recipient["bob@example.org"].body)
        self.assertEqual(OfficerTerm.objects.filter(user__email="bob@example.org").count(), 2)

        # The link lets Zoe choose a password and sign in.
        self.client.logout()
        response = self.client.get(link.group(1), follow=True)
        self.assertContains(response, "Choose your password")
        form_url = response.redirect_chain[-1][0]
        response = self.client.post(
            form_url,
            {"new_password1": "a-long-new-password-42", "new_password2": "a-long-new-password-42"},
        )
        self.assertRedirects(response, "/en/accounts/login/", fetch_redirect_response=False)
        response = self.client.post(
            "/en/accounts/login/",
            {"username": "zoe@example.org", "password": "a-long-new-password-42"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(int(self.client.session["_auth_user_id"]), zoe.pk)
        # The link works only once.
        self.client.logout()
        response = self.client.get(link.group(1), follow=True)
        self.assertContains(response, "expired or was already used")

    def test_one_bad_row_rejects_the_whole_file_with_a_line_by_line_report(self):
        year = self.ind.year + 1
        text = (
            "name;email;role;start;end\n"
            f"Good Person;good@example.org;President;{year}-07-01;{year + 1}-06-30\n"
            f"Bad Email;not-an-address;President;{year}-07-01;{year + 1}-06-30\n"
            f"Bad Role;role@example.org;Chancellor;{year}-07-01;{year + 1}-06-30\n"
            f"Backwards;back@example.org;President;{year + 1}-07-01;{year}-06-30\n"
            f";;;;\n"
            f"Twice;good@example.org;VP Welfare;{year}-07-01;{year + 1}-06-30\n"
            f"No Date;nodate@example.org;President;someday;{year + 1}-06-30\n"
            f"Missing;;President;{year}-07-01;\n"
        )
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            response = self.post(text)
        self.assertEqual(callbacks, [])
        self.assertContains(response, "Nothing was imported")
        body = response.content.decode()
        self.assertIn("Line 3:", body)
        self.assertIn("“not-an-address” is not a valid e-mail address", body)
        self.assertIn("Line 4:", body)
        self.assertIn("“Chancellor” is not a known role", body)
        self.assertIn("Line 5:", body)
        self.assertIn("the term ends before it starts", body)
        self.assertIn("Line 7:", body)
        self.assertIn("already on line 2", body)
        self.assertIn("Line 8:", body)
        self.assertIn("“someday” is not a date", body)
        self.assertIn("Line 9:", body)
        self.assertIn("the e-mail address is missing", body)
        self.assertNotIn("Line 2:", body)
        self.assertNotIn("Line 6:", body)  # blank lines are skipped
        self.assertFalse(get_user_model().objects.filter(email="good@example.org").exists())
        self.assertEqual(OfficerTerm.objects.count(), 3)
        self.assertEqual(mail.outbox, [])

    def test_overlapping_term_and_missing_columns_are_reported(self):
        text = (
            "name,email,role,start,end\n"
            f"Alice,alice@example.org,VP Welfare,{self.ind.year}-09-01,{self.ind.year}-12-31\n"
        )
        response = self.post(text)
        self.assertContains(response, "already has a term as VP Welfare")
        response = self.post("name,email,start\nX,x@example.org,2030-01-01\n")
        self.assertContains(response, "Missing columns: role, end")
        response = self.post("")
        self.assertContains(response, "The submitted file is empty.")
        response = self.post("name,email,role,start,end\n", name="officers.xlsx")
        self.assertContains(response, "Upload a .csv file.")
        self.assertEqual(OfficerTerm.objects.count(), 3)

    def test_excel_style_files_are_read(self):
        year = self.ind.year + 1
        text = (
            "\ufeffname;email;role;start;end\n"
            f"Élodie Brûlé;elodie@example.org;President;01.07.{year};30.06.{year + 1}\n"
        )
        response = self.post(text, encoding="utf-8")
        self.assertContains(response, "Imported 1 officer")
        self.assertEqual(
            get_user_model().objects.get(email="elodie@example.org").display_name, "Élodie Brûlé"
        )

    def test_a_failure_while_saving_leaves_nothing_behind(self):
        from unittest import mock

        year = self.ind.year + 1
        text = (
            "name,email,role,start,end\n"
            f"First Person,first@example.org,President,{year}-07-01,{year + 1}-06-30\n"
            f"Second Person,second@example.org,VP Welfare,{year}-07-01,{year + 1}-06-30\n"
        )
        original = OfficerTerm.save
        calls = []

        def failing_save(term, *args, **kwargs):
            calls.append(term)
            if len(calls) == 2:
                raise RuntimeError("database went away")
            return original(term, *args, **kwargs)

        with mock.patch.object(OfficerTerm, "save", failing_save), self.assertRaises(RuntimeError):
            self.post(text)
        self.assertEqual(len(calls), 2)
        self.assertFalse(get_user_model().objects.filter(email="first@example.org").exists())
        self.assertEqual(OfficerTerm.objects.count(), 3)
        self.assertEqual(mail.outbox, [])

    def test_only_editors_may_import(self):
        for user in (
            make_user(groups=["Staff"]),
            make_user(groups=["Moderators"]),
            self.ind.users["alice"],
        ):
            self.client.force_login(user)
            response = self.client.get(IMPORT_URL)
            self.assertIn(response.status_code, {302, 403})
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(IMPORT_URL).status_code, 200)

    def test_admin_menu_offers_the_tools_to_editors(self):
        response = self.client.get("/admin/")
        self.assertContains(response, "Import elected officers")
        self.assertContains(response, "Cohort report")


class CohortReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, _registry = make_site()
        cls.ind = build_induction(home)
        cls.editor = make_user("editor@example.org", groups=["Editors"])
        first = cls.ind.modules["first"]
        # Alice completes the first module; the second is overdue for everyone.
        from django.test import Client

        client = Client()
        client.force_login(cls.ind.users["alice"])
        client.post(first.url + "progress/", checklist_post(first))
        client.post(first.url + "progress/", correct_quiz_post(first))
        second = cls.ind.modules["second"]
        second.due_date = datetime.date(2000, 1, 1)
        second.save_revision().publish()
        Handover.objects.create(
            term=cls.ind.terms["carol"],
            author=cls.ind.users["carol"],
            status=Handover.Status.SUBMITTED,
            advice="Secret advice for Alice",
        )

    def test_report_lists_progress_overdue_modules_and_handovers(self):
        self.client.force_login(self.editor)
        response = self.client.get(REPORT_URL, {"year": self.ind.year})
        self.assertEqual(response.status_code, 200)
        rows = {term.report_officer: term for term in response.context["object_list"]}
        self.assertEqual(set(rows), {"Alice Adeyemi", "Bob Berger"})
        alice, bob = rows["Alice Adeyemi"], rows["Bob Berger"]
        self.assertEqual((alice.report_done, alice.report_total), (1, 3))
        self.assertEqual((bob.report_done, bob.report_total), (0, 2))
        self.assertIn("How the institution decides", alice.report_overdue)
        self.assertEqual(alice.report_handover, "received")
        self.assertEqual(bob.report_handover, "no predecessor")
        self.assertContains(response, "1 of 3")
        self.assertNotContains(response, "Secret advice for Alice")

    def test_report_defaults_to_the_coming_cohort(self):
        self.client.force_login(self.editor)
        response = self.client.get(REPORT_URL)
        names = {term.report_officer for term in response.context["object_list"]}
        self.assertEqual(names, {"Alice Adeyemi", "Bob Berger"})
        response = self.client.get(REPORT_URL, {"year": self.ind.year - 1})
        names = {term.report_officer for term in response.context["object_list"]}
        self.assertEqual(names, {"Carol Costa"})

    def test_csv_export(self):
        self.client.force_login(self.editor)
        response = self.client.get(REPORT_URL, {"year": self.ind.year, "export": "csv"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("text/csv", response["Content-Type"])
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(content)))
        alice = next(row for row in rows if row["Officer"] == "Alice Adeyemi")
        self.assertEqual(alice["E-mail"], "alice@example.org")
        self.assertEqual(alice["Modules done"], "1")
        self.assertEqual(alice["Modules"], "3")
        self.assertEqual(alice["Handover from predecessor"], "received")
        self.assertIn("How the institution decides", alice["Overdue modules"])

    def test_report_is_for_editors_only(self):
        for user in (self.ind.users["alice"], make_user(groups=["Staff"])):
            self.client.force_login(user)
            self.assertIn(self.client.get(REPORT_URL).status_code, {302, 403})
        self.client.force_login(self.editor)
        self.assertEqual(
            self.client.get(reverse("induction_cohort_report_results")).status_code, 200
        )

    def test_report_query_count_does_not_grow_with_the_cohort(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.force_login(self.editor)
        self.client.get(REPORT_URL, {"year": self.ind.year})
        with CaptureQueriesContext(connection) as small:
            self.client.get(REPORT_URL, {"year": self.ind.year})
        role = self.ind.roles["vp-education"]
        for n in range(6):
            OfficerTerm.objects.create(
                user=make_user(f"extra{n}@example.org"),
                role=role,
                starts_on=datetime.date(self.ind.year, 7, 1),
                ends_on=datetime.date(self.ind.year + 1, 6, 30),
            )
        # new terms are content (a snippet): the per-process memos start again; warm them
        self.client.get(REPORT_URL, {"year": self.ind.year})
        with CaptureQueriesContext(connection) as large:
            response = self.client.get(REPORT_URL, {"year": self.ind.year})
        self.assertEqual(len(response.context["object_list"]), 8)
        self.assertEqual(len(large), len(small))
