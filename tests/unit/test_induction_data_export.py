"""The personal data export names modules, steps and answers, never bare ids."""

import json
import re

from hub import personal_data
from tests.factories import build_induction, checklist_post, correct_quiz_post, make_site

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def test_export_shows_titles_and_texts_instead_of_ids(db, client):
    home, _registry = make_site()
    ind = build_induction(home)
    alice, first = ind.users["alice"], ind.modules["first"]
    client.force_login(alice)
    client.post(first.url + "progress/", checklist_post(first))
    client.post(first.url + "progress/", correct_quiz_post(first))

    data = personal_data.export_user_data(alice)["induction"]

    progress = data["module_progress"][0]
    assert progress["module"] == "The union and its partners"
    assert progress["programme"] == ind.programme.title
    assert {tick["item"] for tick in data["checklist_ticks"]} == {
        "Read the partnership agreement",
        "Meet the chief executive",
    }
    attempt = data["quiz_attempts"][0]
    assert attempt["module"] == "The union and its partners" and attempt["quiz"] == "Quiz"
    assert attempt["answers"]["Who elects officers?"] == ["Students"]
    assert sorted(attempt["answers"]["Which are partners?"]) == ["Careers", "Library"]
    assert not UUID.search(json.dumps(data))
