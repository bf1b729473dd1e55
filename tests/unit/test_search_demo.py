"""The search app's demo content: editors' picks for common questions."""

from io import StringIO

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale

from hub.demo import DemoContext
from search import demo


def test_demo_picks_wait_for_the_pages_and_are_added_once(
    client, registry, django_capture_on_commit_callbacks
):
    ctx = DemoContext(stdout=StringIO(), locale=Locale.get_default())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        demo.load(ctx)
    assert not SearchPromotion.objects.exists()  # nothing before the demo is complete
    for callback in callbacks:
        callback()
    picks = SearchPromotion.objects.select_related("query")
    # Only the registry exists here; picks for sections that do not exist are skipped.
    assert sorted(p.query.query_string for p in picks) == ["join a project", "register a project"]
    assert ctx.created["editors' pick"] == 2
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(ctx)
    assert SearchPromotion.objects.count() == 2
    result = client.get("/en/search/", {"q": "Join a project"}).context["search"]
    assert [p.url for p in result.picks] == [registry.url]
