from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from hub.languages import content_language, language_name
from hub.routing import page_url
from hub.templatetags.hub_tags import fragment_keys, fragments_enabled
from projects import routes

register = template.Library()


CARD_TEMPLATE = "components/project_card.html"


@register.simple_tag(takes_context=True)
def registry_url(context, name, *args):
    """The address of the registry's route ``name`` in the current language, e.g.
    ``{% registry_url 'manage' project.pk %}`` ("" while there is no registry page)."""
    try:
        return routes.registry_url(name, *args, request=context.get("request"))
    except routes.NoRegistry:
        return ""


@register.inclusion_tag(CARD_TEMPLATE, takes_context=True)
def project_card(context, project):
    """One project's card: registry results, the home page, related projects.

    A project not yet translated into the reader's language (an alias) is marked with the
    language its text is in, and that text carries its ``lang``. The registry keeps each card
    as a shared fragment of its own (:func:`registry_cards`).
    """
    code = content_language(project)
    unit = getattr(project, "unit_label", "")
    if not unit and project.lead_unit_id:
        unit = project.lead_unit.name
    return {
        "project": project,
        "url": page_url(project, context.get("request")) or "",
        "text_lang": code if code != get_language() else "",
        "language": language_name(code),
        "unit": unit,
        "needs_new_lead": getattr(project, "needs_new_lead", False),
        "themes": getattr(project, "theme_labels", None),
    }


@register.simple_tag(takes_context=True)
def registry_cards(context, registry):
    """The cards of a registry page as HTML, each kept as a shared fragment of its own.

    A card is the same whichever search lists it, so it is rendered once per project, language
    and content change: a page whose cards are all kept costs no project queries, and only the
    projects whose cards are missing are loaded (``registry.load``).
    """
    request = context.get("request")
    pks = registry.page_pks
    if not fragments_enabled(request):
        return [_render_card(context, project) for project in registry.projects]
    key = fragment_keys(request, "project-card")
    keys = {pk: key(pk) for pk in pks}
    kept = cache.get_many(list(keys.values()))
    missing = [pk for pk in pks if keys[pk] not in kept]
    if missing:
        fresh = {keys[p.pk]: _render_card(context, p) for p in registry.load(missing)}
        cache.set_many(fresh, settings.FRAGMENT_CACHE_SECONDS)
        kept.update(fresh)
    # The template's own rendered, escaped output, kept by this tag.
    return [mark_safe(kept[keys[pk]]) for pk in pks if keys[pk] in kept]  # noqa: S308


def _render_card(context, project):
    return render_to_string(CARD_TEMPLATE, project_card(context, project))
