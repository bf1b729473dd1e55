"""Demo editors' picks: a few common questions answered by the right section first.

``load_demo`` runs the apps in ``INSTALLED_APPS`` order and ``search`` comes before the apps whose
pages the picks point to, so the picks are added once the whole demo has been written: on commit
of ``load_demo``'s transaction (straight away when there is none). Idempotent.
"""

from django.apps import apps
from django.db import transaction

# (query, page model, description)
PICKS = [
    (
        "join a project",
        "projects.ProjectIndexPage",
        "Every ongoing project in one list: filter by theme or campus and ask to join.",
    ),
    (
        "register a project",
        "projects.ProjectIndexPage",
        "Check the registry for similar work first, then register yours from there.",
    ),
    (
        "guidance",
        "knowledge.KnowledgeIndexPage",
        "Practical guidance on working in partnership, by topic and audience.",
    ),
    (
        "induction",
        "induction.InductionIndexPage",
        "The programme for newly elected officers: sessions, modules and handovers.",
    ),
]


def _first_page(label, locale):
    try:
        model = apps.get_model(label)
    except LookupError:  # that app is not installed
        return None
    return model.objects.live().filter(locale=locale).order_by("path").first()


def add_picks(ctx):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    for order, (query_string, label, description) in enumerate(PICKS):
        page = _first_page(label, ctx.locale)
        if page is None:
            continue
        query = Query.get(query_string)
        _pick, created = SearchPromotion.objects.get_or_create(
            query=query,
            page=page,
            defaults={"description": description, "sort_order": order},
        )
        ctx.count("editors' pick", int(created))


def load(ctx):
    transaction.on_commit(lambda: add_picks(ctx))
