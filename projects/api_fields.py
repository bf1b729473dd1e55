"""What the content API (``/api/v2/pages/?type=projects.ProjectPage``) shows of a project.

The public fields of the project page only: never its staff lead or union contact (users),
its members or its join requests. ``PROJECT_API_FILTERS`` are the registry's facets by slug
(``?theme=wellbeing&unit=library&campus=north``); ``status``, ``stage`` and
``open_to_officers`` are filtered by Wagtail itself, as fields.
"""

from wagtail.api import APIField

from hub.api_fields import ChoiceLabelField, TaxonomyField, TaxonomyListField

PROJECT_API_FIELDS = [
    APIField("summary"),
    APIField("description"),
    APIField("status"),
    APIField("status_label", serializer=ChoiceLabelField()),
    APIField("stage"),
    APIField("stage_label", serializer=ChoiceLabelField()),
    APIField("themes", serializer=TaxonomyListField()),
    APIField("lead_unit", serializer=TaxonomyField()),
    APIField("campuses", serializer=TaxonomyListField()),
    APIField("start_date"),
    APIField("end_date"),
    APIField("open_to_officers"),
    APIField("how_officers_can_help"),
    APIField("outcomes"),
    APIField("stopped_reason"),
]

# Read by search.api: facet filters by slug, and what a listing loads in one go.
PROJECT_API_OPTIONS = {
    "filters": {
        "theme": "themes__slug",
        "unit": "lead_unit__slug",
        "campus": "campuses__slug",
    },
    "select_related": ["lead_unit"],
    "prefetch_related": ["themes", "campuses"],
}
