"""The cohort report has one place in the admin menu (under Induction)."""

from django.urls import reverse


def test_the_cohort_report_is_in_the_menu_once(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert html.count(reverse("induction_cohort_report") + '"') == 1
