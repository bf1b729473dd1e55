"""``/sitemap.xml``: every language's public pages, each with its translations as alternates.

``/sitemap.xml`` is an index of ``/sitemap-pages.xml?p=1``, ``?p=2``… (``PAGE_SIZE`` pages
each). Listed: live pages under the site's home page in any language that no view
restriction hides. Aliases (a language's stand-in for a page not translated yet) are left
out: they show another page's text, which is listed once, under its own address. Each page
names its real translations with ``<xhtml:link rel="alternate" hreflang="…">`` and the
version for other readers with ``hreflang="x-default"`` (the default language's, else the
first), as the page's own ``<head>`` does (``templates/includes/alternates.html``).
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from hub.routing import find_site

PAGE_SIZE = 1000
SECTION = "pages"


class PageSitemap(Sitemap):
    limit = PAGE_SIZE

    def __init__(self, request):
        self.request = request

    def items(self):
        site = find_site(self.request)
        if site is None:
            return Page.objects.none()
        homes = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
        under_a_home = Q()
        for path in homes:
            under_a_home |= Q(path__startswith=path)
        return (
            Page.objects.live()
            .public()
            .filter(under_a_home, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def location(self, page):
        parts = page.get_url_parts(self.request)
        return parts[2] if parts else ""

    def lastmod(self, page):
        return page.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        keys = {url["item"].translation_key for url in urls}
        groups = defaultdict(dict)
        for version in self.items().filter(translation_key__in=keys):
            groups[version.translation_key][version.locale.language_code] = version
        order = [code for code, _name in settings.LANGUAGES]
        for url in urls:
            versions = groups.get(url["item"].translation_key, {})
            codes = sorted(versions, key=lambda c: order.index(c) if c in order else len(order))
            if len(codes) < 2:
                continue
            url["alternates"] = [
                {"lang_code": code, "location": base + self.location(versions[code])}
                for code in codes
            ]
            default = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in versions else codes[0]
            url["alternates"].append(
                {"lang_code": "x-default", "location": base + self.location(versions[default])}
            )
        return urls


@require_GET
@cache_control(public=True, max_age=3600)
def sitemap_index(request):
    return sitemap_views.index(
        request, {SECTION: PageSitemap(request)}, sitemap_url_name="sitemap_section"
    )


@require_GET
@cache_control(public=True, max_age=3600)
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, {SECTION: PageSitemap(request)}, section=section)
