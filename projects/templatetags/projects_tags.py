from django import template
from django.utils.translation import get_language

from hub.languages import content_language, language_name
from projects import routes

register = template.Library()


@register.simple_tag(takes_context=True)
def registry_url(context, name, *args):
    """The address of the registry's route ``name`` in the current language, e.g.
    ``{% registry_url 'manage' project.pk %}`` ("" while there is no registry page)."""
    try:
        return routes.registry_url(name, *args, request=context.get("request"))
    except routes.NoRegistry:
        return ""


@register.inclusion_tag("components/project_card.html", takes_context=True)
def project_card(context, project):
    """One project's card: registry results, the home page, related projects.

    A project not yet translated into the reader's language (an alias) is marked with the
    language its text is in, and that text carries its ``lang``. The registry caches its cards
    as one shared fragment, so this renders once per page of results, not per request.
    """
    code = content_language(project)
    unit = getattr(project, "unit_label", "")
    if not unit and project.lead_unit_id:
        unit = project.lead_unit.name
    return {
        "project": project,
        "url": project.get_url(context.get("request")) or "",
        "text_lang": code if code != get_language() else "",
        "language": language_name(code),
        "unit": unit,
        "needs_new_lead": getattr(project, "needs_new_lead", False),
        "themes": getattr(project, "theme_labels", None),
    }
