"""The one inline script the site's CSP allows (by its hash), for tests that look for others."""

from hub.security import inline_script_source


def without_allowed_inline_scripts(html: str) -> str:
    """``html`` without the inline scripts listed in ``CSP_INLINE_SCRIPTS`` (the phone fold)."""
    from django.conf import settings

    for path in settings.CSP_INLINE_SCRIPTS:
        html = html.replace(f"<script>{inline_script_source(path)}</script>", "")
    return html
