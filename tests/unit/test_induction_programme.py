"""The public programme, module pages, block validation and the iCalendar feeds."""

import copy
import datetime
from types import SimpleNamespace

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed
from wagtail.blocks import StructBlockValidationError

from induction.blocks import SessionBlock
from induction.models import (
    CalendarToken,
    InductionIndexPage,
    OfficerRole,
    OfficerTerm,
    TrainingModulePage,
)
from induction.quiz import QuestionBlock
from tests.factories import build_induction, make_programme, make_site, make_user
from tests.support.shared_data import module_transaction


def parse_calendar(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(cal):
    return [component for component in cal.walk("VEVENT")]


def test_session_block_requires_end_after_start_and_a_place():
    block = SessionBlock()
    value = block.to_python(
        {
            "title": "Tour",
            "date": "2027-07-05",
            "start_time": "10:00",
            "end_time": "09:00",
            "location": "",
            "online_url": "",
            "description": "",
            "roles": [],
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"end_time", "location"}


def test_question_needs_a_correct_answer():
    block = QuestionBlock()
    value = block.to_python(
        {
            "question": "Who?",
            "answers": [
                {"text": "A", "is_correct": False, "feedback": ""},
                {"text": "B", "is_correct": False, "feedback": ""},
            ],
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "answers" in error.value.block_errors


@pytest.mark.django_db
def test_prerequisite_must_be_a_sibling_and_not_circular(home):
    ind = build_induction(home)
    first = TrainingModulePage.objects.get(pk=ind.modules["first"].pk)
    second = TrainingModulePage.objects.get(pk=ind.modules["second"].pk)
    first.prerequisite = second
    with pytest.raises(ValidationError) as error:
        first.full_clean()
    assert "circle" in str(error.value)
    first.prerequisite = ind.modules["old"]
    with pytest.raises(ValidationError) as error:
        first.full_clean()
    assert "same programme" in str(error.value)


@pytest.mark.django_db
def test_programme_end_before_start_is_refused(home):
    hub = InductionIndexPage(title="Induction", slug="induction")
    home.add_child(instance=hub)
    programme = make_programme(hub, 2030)
    programme.ends_on = datetime.date(2030, 6, 1)
    with pytest.raises(ValidationError):
        programme.full_clean()


@pytest.mark.django_db
def test_personal_feed_is_valid_and_empty_when_the_programme_is_missing(client, home):
    hub = InductionIndexPage(title="Induction", slug="induction")
    home.add_child(instance=hub)
    hub.save_revision().publish()
    role = OfficerRole.objects.create(
        slug="president", name="President", remit="Leads.", locale=hub.locale
    )
    user = make_user(groups=["Officers"])
    OfficerTerm.objects.create(
        user=user,
        role=role,
        starts_on=datetime.date(2090, 7, 1),
        ends_on=datetime.date(2091, 6, 30),
    )
    token = CalendarToken.objects.create(user=user)
    response = client.get(reverse("induction_feeds:personal", kwargs={"token": token.token}))
    assert response.status_code == 200
    cal = parse_calendar(response)
    assert str(cal["VERSION"]) == "2.0"
    assert events(cal) == []
    client.force_login(user)
    dashboard = client.get("/en/induction/")
    assert "No induction programme for 2090 is published" in dashboard.content.decode()


def _quiz_value(pass_mark):
    from induction.quiz import QuizBlock

    return QuizBlock().to_python(
        {
            "title": "Quiz",
            "intro": "",
            "pass_mark": pass_mark,
            "questions": [
                {
                    "question": f"Question {n}",
                    "answers": [
                        {"text": "right", "is_correct": True, "feedback": "Yes"},
                        {"text": "also right", "is_correct": n == 3, "feedback": ""},
                        {"text": "wrong", "is_correct": False, "feedback": "No"},
                    ],
                }
                for n in range(4)
            ],
        }
    )


def _answers(value, chosen):
    """``chosen``: per question, a list of answer indexes."""
    selections = {}
    for question, indexes in zip(value["questions"].bound_blocks, chosen, strict=True):
        answers = question.value["answers"].bound_blocks
        selections[question.id] = [answers[i].id for i in indexes]
    return selections


def test_grading_uses_the_pass_mark_and_exact_answer_sets():
    from induction.quiz import grade_quiz

    value = _quiz_value(75)
    # Three of four right (the last needs both correct answers): 75% passes.
    outcome = grade_quiz(value, _answers(value, [[0], [0], [0], [0]]))
    assert (outcome["score"], outcome["total"], outcome["passed"]) == (3, 4, True)
    assert outcome["results"][0]["feedback"] == [
        {
            "answer_id": value["questions"].bound_blocks[0].value["answers"].bound_blocks[0].id,
            "text": "Yes",
        }
    ]
    outcome = grade_quiz(value, _answers(value, [[0], [0], [2], [0, 1]]))
    assert (outcome["score"], outcome["passed"]) == (3, True)
    outcome = grade_quiz(value, _answers(value, [[0], [2], [2], [0, 1, 2]]))
    assert (outcome["score"], outcome["passed"]) == (1, False)
    strict = _quiz_value(100)
    assert not grade_quiz(strict, _answers(strict, [[0], [0], [0], [0]]))["passed"]
    assert grade_quiz(strict, _answers(strict, [[0], [0], [0], [0, 1]]))["passed"]


# --- With the induction hub built once for these tests (they run last: see
# tests/support/shared_data.py) --------------------------------------------------------------


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, _registry = make_site()
            world = SimpleNamespace(ind=build_induction(home))
        yield world


@pytest.fixture
def world(_world, db):
    """The site and the induction hub (``world.ind``); a copy per test."""
    return copy.deepcopy(_world)


def test_anonymous_visitors_see_the_coming_programme_not_a_dashboard(client, world):
    response = client.get("/en/induction/")
    assertTemplateUsed(response, "induction/induction_index_page.html")
    assert response.context["programme"].pk == world.ind.programme.pk
    assertContains(response, f"Induction {world.ind.year}")
    assertContains(response, "Welcome breakfast")
    assertContains(response, "The union and its partners")
    assertContains(response, "VP Welfare")  # role cards
    assertContains(response, f"Induction {world.ind.year - 1}")  # other years
    assertNotContains(response, "induction-progress")
    assertContains(response, "Sign in")


def test_current_programme_is_the_running_or_next_one_else_the_latest(world):
    hub = InductionIndexPage.objects.get(pk=world.ind.hub.pk)
    year = world.ind.year
    assert hub.current_programme(datetime.date(year - 1, 7, 10)).year == year - 1
    assert hub.current_programme(datetime.date(year - 1, 9, 1)).year == year
    assert hub.current_programme(datetime.date(year, 3, 1)).year == year
    assert hub.current_programme(datetime.date(year + 3, 1, 1)).year == year


def test_programme_page_lists_sessions_by_day_and_modules(client, world):
    response = client.get(world.ind.programme.url)
    schedule = response.context["schedule"]
    assert [day for day, _rows in schedule] == [
        datetime.date(world.ind.year, 7, 5),
        datetime.date(world.ind.year, 7, 6),
    ]
    assert [row["session"].title for row in schedule[0][1]] == [
        "Welcome breakfast",
        "Welfare services tour",
    ]
    assertContains(response, "Who should attend: VP Welfare")
    assertContains(response, "For every officer")
    assertContains(response, "How the institution decides")
    assertContains(response, world.ind.programme.feed_path)


def test_officer_sees_sessions_for_them_marked(client, world):
    client.force_login(world.ind.users["alice"])
    response = client.get(world.ind.programme.url)
    rows = {
        row["session"].title: row["for_you"]
        for _d, day in response.context["schedule"]
        for row in day
    }
    assert rows == {
        "Welcome breakfast": True,
        "Welfare services tour": True,
        "Senate briefing": False,
    }


def test_programme_feed_is_valid_icalendar(client, world):
    response = client.get(world.ind.programme.feed_path)
    assert response.status_code == 200
    cal = parse_calendar(response)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"])
    assert len(list(cal.walk("VTIMEZONE"))) == 1
    found = events(cal)
    assert len(found) == 3
    uids = {str(event["UID"]) for event in found}
    assert len(uids) == 3
    for event in found:
        assert "DTSTAMP" in event
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert start.tzinfo is not None
        assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
        assert start < end
    breakfast = next(e for e in found if str(e["SUMMARY"]) == "Welcome breakfast")
    start = breakfast.decoded("DTSTART")
    assert (start.hour, start.minute) == (9, 0)
    assert start.utcoffset() == datetime.timedelta(hours=2)  # CEST in July
    tour = next(e for e in found if str(e["SUMMARY"]) == "Welfare services tour")
    assert "https://video.example.org/tour" in str(tour["DESCRIPTION"])


def test_unpublished_programme_has_no_feed(client, world):
    world.ind.old_programme.unpublish()
    response = client.get(world.ind.old_programme.feed_path)
    assert response.status_code == 404


def test_personal_feed_holds_only_the_officers_sessions(client, world):
    alice = world.ind.users["alice"]
    client.force_login(alice)
    page = client.get("/en/induction/calendar/")
    assert page.status_code == 200
    token = CalendarToken.objects.get(user=alice).token
    url = reverse("induction_feeds:personal", kwargs={"token": token})
    assertContains(page, url)
    client.logout()  # calendar apps cannot sign in
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    titles = sorted(str(e["SUMMARY"]) for e in events(parse_calendar(response)))
    assert titles == ["Welcome breakfast", "Welfare services tour"]


def test_regenerating_the_token_retires_the_old_address(client, world):
    bob = world.ind.users["bob"]
    client.force_login(bob)
    client.get("/en/induction/calendar/")
    old = CalendarToken.objects.get(user=bob).token
    response = client.post("/en/induction/calendar/", {"action": "regenerate"})
    assert response.status_code == 302
    new = CalendarToken.objects.get(user=bob).token
    assert old != new
    assert client.get(reverse("induction_feeds:personal", kwargs={"token": old})).status_code == 404
    feed = client.get(reverse("induction_feeds:personal", kwargs={"token": new}))
    titles = sorted(str(e["SUMMARY"]) for e in events(parse_calendar(feed)))
    assert titles == ["Senate briefing", "Welcome breakfast"]


def test_calendar_page_needs_sign_in_and_unknown_tokens_are_not_found(client, world):
    response = client.get("/en/induction/calendar/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    response = client.get(reverse("induction_feeds:personal", kwargs={"token": "x" * 43}))
    assert response.status_code == 404
    staff = make_user(groups=["Staff"])
    client.force_login(staff)
    assert client.post("/en/induction/calendar/", {}).status_code == 404
    assert not CalendarToken.objects.filter(user=staff).exists()


def test_module_page_is_public_but_offers_no_forms_to_visitors(client, world):
    module = world.ind.modules["first"]
    response = client.get(module.url)
    assert response.status_code == 200
    assertContains(response, "Read the partnership agreement")
    assertNotContains(response, '<form method="post"')
    assertNotContains(response, "Feedback for")


def test_api_does_not_expose_lessons(client, world):
    module = world.ind.modules["first"]
    response = client.get(f"/api/v2/pages/{module.pk}/?fields=*")
    assert response.status_code == 200
    assert "is_correct" not in response.content.decode()
    assert "Feedback for" not in response.content.decode()


def test_search_index_content_leaves_out_correctness_and_feedback(world):
    module = TrainingModulePage.objects.get(pk=world.ind.modules["first"].pk)
    block = module.lessons.stream_block
    content = " ".join(block.get_searchable_content(module.lessons))
    assert "Who elects officers?" in content
    assert "Feedback for" not in content


def test_english_text_on_german_induction_pages_is_marked_as_english(client, world):
    """Untranslated modules, roles and sessions are shown in English under /de/; each piece
    carries ``lang="en"``, so a screen reader reads it in English (WCAG 3.1.2)."""
    from wagtail.models import Locale

    german = Locale.objects.get(language_code="de")
    world.ind.hub.copy_for_translation(german, copy_parents=True, alias=True)
    programme_de = world.ind.programme.copy_for_translation(german, alias=True)
    for module in world.ind.modules.values():
        if module.get_parent().pk == world.ind.programme.pk:
            module.copy_for_translation(german, alias=True)
    welfare = world.ind.roles["vp-welfare"]
    seat = {"body": "Residences board", "kind": "committee", "meets": "Monthly"}
    welfare.seats = [("seat", seat)]
    welfare.save()
    alice = world.ind.users["alice"]
    alice.preferred_language = "de"
    alice.save(update_fields=["preferred_language"])
    client.force_login(alice)

    html = client.get("/de/induction/").content.decode()
    assert "Willkommen, Alice Adeyemi" in html  # the interface is German ...
    assert '<span lang="en">VP Welfare</span>' in html  # ... the role's name is marked,
    assert '<h3 lang="en">VP Welfare</h3>' in html
    assert 'lang="en">The union and its partners</a>' in html  # the modules,
    assert '<span lang="en">Welcome breakfast</span>' in html  # and the sessions
    assert "Sprache: Englisch" in html  # and the reader is told which language that is
    # A seat: its words are English, the kind of body is named in the reader's language.
    assert '<strong class="seat__body" lang="en">Residences board</strong>' in html
    assert '(Ausschuss oder Arbeitsgruppe; <span lang="en">Monthly</span>)' in html

    html = client.get(programme_de.url).content.decode()
    assert '<span lang="en">Welcome breakfast</span>' in html

    client.logout()
    html = client.get("/de/induction/").content.decode()  # the programme for visitors
    assert '<h3 class="card__title" lang="en">VP Welfare</h3>' in html
    assert '<span lang="en">Welcome breakfast</span>' in html
    html = client.get("/en/induction/").content.decode()  # in English, nothing to mark
    assert 'lang="en">' not in html.split("<main", 1)[1]
