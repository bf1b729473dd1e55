"""The project that the join-request tests ask to join."""

from tests.factories import make_project


def joinable_project(registry, people):
    """A project led by staff, with a German-speaking union contact, that officers may join."""
    people["officer2"].preferred_language = "de"
    people["officer2"].save()
    return make_project(
        registry,
        title="Monthly wellbeing poll",
        staff_lead=people["staff"],
        union_contact=people["officer2"],
        how_officers_can_help="Promote the poll in halls.",
    )
