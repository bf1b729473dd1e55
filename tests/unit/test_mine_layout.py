"""On a phone, the table of one's requests scrolls in its own labelled, focusable box."""

from projects import joining
from tests.factories import make_project


def test_requests_table_scrolls_in_a_focusable_region(client, registry, people):
    project = make_project(registry, title="Poll", staff_lead=people["staff"])
    joining.create_request(people["officer"], project, "I ran a survey last year.")
    client.force_login(people["officer"])
    html = client.get("/en/projects/mine/").content.decode()
    assert (
        '<div class="table-wrap" role="region" aria-labelledby="asked-heading" tabindex="0">'
        in html
    )
