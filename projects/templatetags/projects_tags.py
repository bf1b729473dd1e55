from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def url_with_param(context, name, value):
    """The current URL with one GET parameter set (for lists paginated side by side)."""
    request = context["request"]
    params = request.GET.copy()
    params[name] = value
    return f"{request.path}?{params.urlencode()}"
