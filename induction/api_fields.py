"""What the content API (``/api/v2/pages/?type=induction.TrainingModulePage``) shows of a
training module.

Module pages are public, but their lessons hold the quizzes' answers and feedback, so the API
gives only what describes the module: summary, length, due date, prerequisite and the roles
it is for; the lessons are read on the page. Filter: ``?role=`` (a role's slug).
"""

from wagtail.api import APIField

from hub.api_fields import LivePageField, TaxonomyListField

MODULE_API_FIELDS = [
    APIField("summary"),
    APIField("estimated_minutes"),
    APIField("due_date"),
    APIField("prerequisite", serializer=LivePageField()),
    APIField("target_roles", serializer=TaxonomyListField()),
]

# Read by search.api: facet filters by slug, and what a listing loads in one go.
MODULE_API_OPTIONS = {
    "filters": {"role": "target_roles__slug"},
    "select_related": ["prerequisite"],
    "prefetch_related": ["target_roles"],
}
