"""Calendar feeds, outside the language prefix and the page tree: a subscription keeps
working whatever happens to page slugs, and each feed carries its own language (the
programme page's, or the officer's preferred language)."""

from django.urls import path

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from induction.views.feeds import personal_feed, programme_feed

app_name = "induction_feeds"

urlpatterns = [
    path("programme/<id:page_id>.ics", programme_feed, name="programme"),
    path("officer/<str:token>.ics", personal_feed, name="personal"),
]
