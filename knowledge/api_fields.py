"""What the content API (``/api/v2/pages/?type=knowledge.GuidelinePage``) shows of guidance.

Its summary, audiences and themes, review dates and body: as Wagtail's StreamField JSON
(``body``, with ``?rich_text_format=html`` for HTML) and as plain text (``body_text``).
Readers' feedback ("Was this helpful?") is not shown. Filters: ``?theme=`` and
``?audience=`` (slugs).
"""

from wagtail.api import APIField

from hub.api_fields import PlainTextStreamField, TaxonomyListField


class AudienceListField(TaxonomyListField):
    """The audiences, in their fixed order, with their names in the page's language."""

    def represent(self, page):
        return [{"slug": item.slug, "name": str(item.label)} for item in page.audiences.all()]


GUIDELINE_API_FIELDS = [
    APIField("summary"),
    APIField("audiences", serializer=AudienceListField()),
    APIField("themes", serializer=TaxonomyListField()),
    APIField("last_reviewed"),
    APIField("review_by"),
    APIField("reading_minutes"),
    APIField("body"),
    APIField("body_text", serializer=PlainTextStreamField(source="body")),
]

# Read by search.api: facet filters by slug, and what a listing loads in one go.
GUIDELINE_API_OPTIONS = {
    "filters": {"theme": "themes__slug", "audience": "audiences__slug"},
    "select_related": [],
    "prefetch_related": ["themes", "audiences"],
}
