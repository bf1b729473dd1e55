from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, npgettext
from django.utils.translation import gettext as _

from hub.languages import content_language, language_name

register = template.Library()


@register.simple_tag(takes_context=True)
def url_with_param(context, name, value):
    """The current URL with one GET parameter set (for lists paginated side by side)."""
    request = context["request"]
    params = request.GET.copy()
    params[name] = value
    return f"{request.path}?{params.urlencode()}"


# --- Hot loops rendered in Python ------------------------------------------------------------
# A registry page shows 20 cards and about 30 filter options. Through the template engine they
# cost ~8 ms each per page at 100,000 projects (every variable and {% translate %} is a node);
# built with format_html they cost well under a millisecond, with the same escaping.


@register.simple_tag(takes_context=True)
def project_card(context, project):
    """One project's card: registry results, the home page, related projects.

    A project not yet translated into the reader's language (an alias) is marked with the
    language its text is in, and that text carries its ``lang``.
    """
    code = content_language(project)
    text_lang = format_html(' lang="{}"', code) if code != get_language() else ""
    meta = [
        format_html(
            '<span class="badge badge--{}">{}</span>', project.status, project.get_status_display()
        )
    ]
    unit = getattr(project, "unit_label", "")
    if not unit and project.lead_unit_id:
        unit = project.lead_unit.name
    if unit:
        meta.append(format_html("<span>{}</span>", unit))
    if project.accepts_officers:
        meta.append(format_html('<span class="badge badge--open">{}</span>', _("Open to officers")))
    if getattr(project, "needs_new_lead", False):
        meta.append(
            format_html('<span class="badge badge--stale">{}</span>', _("Needs a new lead"))
        )
    if project.is_possibly_stale:
        meta.append(
            format_html(
                '<span class="badge badge--stale" title="{}">{}</span>',
                _("Its lead has not confirmed it is current for six months"),
                _("Possibly stale"),
            )
        )
    if text_lang:
        meta.append(
            format_html(
                '<span class="badge badge--language">{}</span>',
                _("Language: %(language)s") % {"language": language_name(code)},
            )
        )
    themes = getattr(project, "theme_labels", None)
    tags = (
        format_html(
            '\n  <p class="card__tags"><span class="visually-hidden">{} </span>{}</p>',
            _("Themes:"),
            ", ".join(themes),
        )
        if themes
        else ""
    )
    return format_html(
        '<article class="card project-card">\n'
        '  <h3 class="card__title"{}><a href="{}">{}</a></h3>\n'
        '  <p class="card__meta">{}</p>\n'
        "  <p{}>{}</p>{}\n"
        "</article>",
        text_lang,
        project.get_url(context.get("request")) or "",
        project.title,
        mark_safe("\n    ".join(meta)),  # noqa: S308 (each part built by format_html)
        text_lang,
        project.summary,
        tags,
    )


@register.simple_tag
def facet_options(facet):
    """The checkboxes of one registry filter (``<li>`` elements, labelled, with counts)."""
    items = []
    for number, option in enumerate(facet.options, start=1):
        field_id = f"f-{facet.name}-{number}"
        items.append(
            format_html(
                '<li>\n  <input type="checkbox" name="{}" value="{}" id="{}"{}>\n'
                '  <label for="{}">{} <span class="count">({}<span class="visually-hidden"> {}'
                "</span>)</span></label>\n</li>",
                facet.name,
                option.value,
                field_id,
                mark_safe(" checked") if option.selected else "",
                field_id,
                option.label,
                number_format(option.count, force_grouping=True),
                npgettext("screen-reader count", "project", "projects", option.count),
            )
        )
    return mark_safe("\n".join(items))  # noqa: S308 (each item built by format_html)
