"""A signed-in person's preferred language: where signing in lands, the account page, e-mails."""

import re

import pytest
from django.conf import settings
from django.core import mail
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from projects import joining
from tests.factories import make_project, make_user
from tests.unit.test_languages import in_locale, synchronise_languages, translate

PASSWORD = "pass-word-123"


@pytest.fixture
def poll(registry):
    project = make_project(registry, title="Wellbeing poll", slug="wellbeing-poll")
    synchronise_languages()
    return project


def sign_in(client, email, url):
    return client.post(url, {"username": email, "password": PASSWORD})


def test_signing_in_lands_on_the_page_in_the_preferred_language(client, poll):
    translate(in_locale(poll, "de"), title="Umfrage", slug="umfrage")
    make_user("anna@example.org", preferred_language="de")
    response = sign_in(
        client, "anna@example.org", "/en/accounts/login/?next=/en/projects/wellbeing-poll/"
    )
    assert response.status_code == 302
    assert response["Location"] == "/de/projects/umfrage/"  # the translation's own slug
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"


def test_an_untranslated_page_opens_in_the_preferred_languages_tree(client, poll):
    make_user("ola@example.org", preferred_language="pl")
    response = sign_in(
        client, "ola@example.org", "/de/accounts/login/?next=/de/projects/wellbeing-poll/?x=1"
    )
    assert response["Location"] == "/pl/projects/wellbeing-poll/?x=1"


def test_views_and_the_front_door_get_the_preferred_prefix(client, poll):
    make_user("ana@example.org", preferred_language="sl")
    response = sign_in(client, "ana@example.org", "/de/accounts/login/?next=/de/projects/mine/")
    assert response["Location"] == "/sl/projects/mine/"
    client.logout()
    response = sign_in(client, "ana@example.org", "/de/accounts/login/")
    assert response["Location"] == "/sl/"


def test_a_foreign_next_address_is_still_refused(client, poll):
    make_user("ana@example.org", preferred_language="sl")
    response = sign_in(
        client, "ana@example.org", "/de/accounts/login/?next=https://evil.example/de/"
    )
    assert response["Location"] == "/sl/"


def test_the_account_page_offers_eight_languages_by_autonym(client, db, home):
    user = make_user("ola@example.org")
    client.force_login(user)
    html = client.get("/en/account/").content.decode()
    options = [
        (re.search(r'value="(\w+)"', tag).group(1), re.search(r'lang="(\w+)"', tag).group(1), name)
        for tag, name in re.findall(r"(<option [^>]*>)([^<]+)</option>", html)
    ]
    assert [(value, lang) for value, lang, _name in options] == [
        (code, code) for code, _name in settings.LANGUAGES
    ]
    assert [name for _v, _l, name in options] == [name for _c, name in settings.LANGUAGES]
    assert "Polski" in [name for _v, _l, name in options]


def test_choosing_a_language_switches_the_site_to_it(client, db, home):
    user = make_user("ola@example.org")
    client.force_login(user)
    response = client.post("/en/account/", {"display_name": "", "preferred_language": "de"})
    assert response.status_code == 302
    assert response["Location"] == "/de/account/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    page = client.get(response["Location"]).content.decode()
    assert '<html lang="de"' in page
    assert "Ihre Angaben wurden gespeichert." in page or "message--success" in page


def test_wagtails_own_emails_follow_the_preferred_language(db):
    user = make_user("mo@example.org", preferred_language="de")
    assert UserProfile.get_for_user(user).get_preferred_language() == "de"
    user.preferred_language = "pl"
    user.save()
    assert UserProfile.get_for_user(user).get_preferred_language() == "pl"
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    user.refresh_from_db()
    assert user.preferred_language == "nl"


def test_a_german_lead_gets_the_join_request_email_in_german(people, registry):
    lead = make_user("lena@example.org", groups=["Staff"], preferred_language="de")
    project = make_project(registry, title="Wellbeing poll", staff_lead=lead)
    synchronise_languages()
    translate(in_locale(project, "de"), title="Umfrage zum Wohlbefinden", slug="umfrage")
    mail.outbox.clear()
    joining.create_request(people["officer"], project, "I ran the survey last year.")
    (message,) = [m for m in mail.outbox if m.to == ["lena@example.org"]]
    assert message.subject == "Olu bittet um Mitarbeit bei „Umfrage zum Wohlbefinden“"
    body = " ".join(message.body.split())
    assert "Olu möchte bei Ihrem Projekt „Umfrage zum Wohlbefinden“ mitmachen." in body
    assert "Sie erhalten diese E-Mail, weil Sie den Partnership Hub nutzen." in body
    assert "http://testserver/de/" in body


def test_the_admin_has_no_reset_of_its_own_only_the_sites(client, db):
    # One reset flow: the site's, rate-limited, in the recipient's language.
    make_user("lena@example.org", preferred_language="de", is_staff=True)
    client.post("/admin/password_reset/", {"email": "lena@example.org"})
    assert mail.outbox == []


def test_language_cookie_is_not_set_on_failed_sign_in(client, db, home):
    make_user("ola@example.org", preferred_language="pl")
    response = client.post(
        "/de/accounts/login/", {"username": "ola@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert Locale.objects.filter(language_code="pl").exists()


def test_wagtails_review_email_reaches_a_german_moderator_in_german(people, registry):
    from tests.factories import make_draft_project

    moderator = people["moderator"]
    moderator.preferred_language = "de"
    moderator.save()
    mail.outbox.clear()
    make_draft_project(registry, people["staff"], title="Study buddies")
    (message,) = [m for m in mail.outbox if m.to == ["moderator@example.org"]]
    assert "Die Seite „Study buddies“ wurde zur Freigabe in Moderationsphase" in message.subject
