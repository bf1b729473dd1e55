"""Dates, times and numbers in the reader's locale: one style per language, everywhere."""

import datetime
import re

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.formats import date_format

from hub.formats import named_format
from tests.factories import make_programme, make_project, make_role, make_user, session

MONDAY = datetime.date(2027, 7, 5)

# (long date, date with weekday) per language.
EXPECTED = {
    "en": ("5 July 2027", "Monday 5 July 2027"),
    "de": ("5. Juli 2027", "Montag, 5. Juli 2027"),
    "fr": ("5 juillet 2027", "lundi 5 juillet 2027"),
    "es": ("5 de julio de 2027", "lunes, 5 de julio de 2027"),
    "it": ("5 Luglio 2027", "Lunedì 5 Luglio 2027"),  # Django's Italian month names
    "pl": ("5 lipca 2027", "Poniedziałek, 5 lipca 2027"),
    "sl": ("5. julij 2027", "ponedeljek, 5. julij 2027"),
    "nl": ("5 juli 2027", "maandag 5 juli 2027"),
}


def render(source, **context):
    return Template("{% load hub_tags %}" + source).render(Context(context))


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_language_has_one_long_date_style_with_and_without_weekday(code):
    long_date, day = EXPECTED[code]
    with translation.override(code):
        assert date_format(MONDAY, "DATE_FORMAT") == long_date
        assert render('{{ d|date_as:"DAY_FORMAT" }}', d=MONDAY) == day
        assert render('{{ t|time:"TIME_FORMAT" }}', t=datetime.time(9, 5)) == "09:05"
        assert day.endswith(long_date.split(" ", 1)[-1] if code == "es" else long_date[-4:])


def test_a_language_without_its_own_module_falls_back_to_djangos_date():
    assert named_format("DAY_FORMAT", "pt").startswith("l, ")


def test_numbers_are_grouped_the_readers_way():
    with translation.override("en"):
        assert render("{{ n|number }}", n=12500) == "12,500"
    with translation.override("de"):
        assert render("{{ n|number }}", n=12500) == "12.500"


def test_machine_readable_times_have_no_microseconds():
    moment = timezone.make_aware(datetime.datetime(2027, 7, 5, 9, 30, 15, 123456))
    assert render("{{ m|iso }}", m=moment) == "2027-07-05T09:30:15+02:00"
    assert render("{{ d|iso }}", d=MONDAY) == "2027-07-05"
    assert render("{{ x|iso }}", x="not a date") == ""


def test_a_programme_page_uses_one_date_style(client, home):
    from induction.models import InductionIndexPage
    from tests.factories import make_page

    hub = make_page(home, InductionIndexPage, title="Induction", slug="induction")
    make_programme(
        hub,
        2027,
        sessions=[session("Welcome", MONDAY, datetime.time(9, 30), datetime.time(11, 0))],
    )
    html = client.get("/en/induction/2027/").content.decode()
    assert "From 1 July 2027 to 31 July 2027" in html
    assert '<time datetime="2027-07-05">Monday 5 July 2027</time>' in html
    assert ">09:30</time>–" in html
    assert "July 1, 2027" not in html and "a.m." not in html


def test_time_elements_on_pages_carry_whole_seconds(client, registry, people):
    confirmed = timezone.now().replace(microsecond=654321)
    make_project(registry, title="Poll", slug="poll", last_confirmed_at=confirmed)
    html = client.get("/en/projects/poll/").content.decode()
    values = re.findall(r'<time datetime="([^"]+)"', html)
    assert values
    for value in values:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?", value), value


def test_an_invitation_email_uses_the_recipients_date_style(db):
    from induction.emails import send_invitation
    from induction.models import OfficerTerm

    role = make_role("president", "President")
    user = make_user("neu@example.org", preferred_language="de")
    term = OfficerTerm.objects.create(
        user=user,
        role=role,
        starts_on=datetime.date(2027, 7, 1),
        ends_on=datetime.date(2028, 6, 30),
    )
    send_invitation(user, term, base_url="http://testserver", needs_password=False)
    (message,) = mail.outbox
    assert "Ihre Amtszeit als President dauert vom 1. Juli 2027 bis 30. Juni 2028." in (
        " ".join(message.body.split())
    )
