"""Demo content for the foundation: languages, the home page, taxonomies and demo people.

Each app may have a ``demo`` module with ``load(ctx)``; ``manage.py load_demo`` runs them in
``INSTALLED_APPS`` order, passing a shared :class:`DemoContext`. Every step is idempotent.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

DEMO_PASSWORD = "partnership-demo"  # noqa: S105 (printed for the demo; never used in production)

DEMO_USERS = [
    # email, first, last, groups, superuser
    ("admin@demo.partnershiphub.eu", "Alex", "Admin", [], True),
    ("editor@demo.partnershiphub.eu", "Edda", "Editor", ["Editors"], False),
    ("moderator@demo.partnershiphub.eu", "Mo", "Moderator", ["Moderators"], False),
    ("staff@demo.partnershiphub.eu", "Sam", "Staffer", ["Staff"], False),
    ("staff2@demo.partnershiphub.eu", "Rui", "Lecturer", ["Staff"], False),
    ("officer@demo.partnershiphub.eu", "Olu", "Officer", ["Officers"], False),
    ("officer2@demo.partnershiphub.eu", "Ines", "Officer", ["Officers"], False),
]


@dataclass
class DemoContext:
    stdout: object
    locale: Locale = None
    home: Page = None
    users: dict = field(default_factory=dict)
    created: dict = field(default_factory=dict)

    def log(self, message):
        self.stdout.write(message)

    def count(self, label, n=1):
        self.created[label] = self.created.get(label, 0) + n


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def ensure_home(ctx):
    from django.contrib.contenttypes.models import ContentType

    from hub.models import HomePage

    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=ctx.locale).first()
    if home is None:
        # Wagtail's migrations leave a plain "Welcome" page where the home page belongs.
        plain = ContentType.objects.get_for_model(Page)
        for welcome in Page.objects.filter(depth=2, content_type=plain, numchild=0):
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()
        root.refresh_from_db()
        home = HomePage(
            title="Partnership Hub",
            slug="home",
            locale=ctx.locale,
            intro=(
                "One place where the students' union and the institution keep track of the "
                "work they do together: find a project to join, learn the ropes as a new "
                "officer, and read practical guidance on partnership."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        ctx.count("home page")
    # The site's address is the one the demo is served on (BASE_URL, which `make demo` sets
    # from PORT), so printed pages and links built from it point where readers are.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    changed = (site.root_page_id, site.hostname, site.port) != (home.pk, hostname, port)
    if changed or site.pk is None:
        site.root_page = home
        site.hostname, site.port = hostname, port
        site.site_name = "Partnership Hub"
        site.save()
    return home


def ensure_users(ctx):
    User = get_user_model()
    for email, first, last, groups, superuser in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, first_name=first, last_name=last)
            user.is_superuser = superuser
            user.is_staff = superuser
            user.set_password(DEMO_PASSWORD)
            user.save()
            ctx.count("demo user")
        user.groups.add(*Group.objects.filter(name__in=groups))
        ctx.users[email.split("@")[0]] = user


def ensure_taxonomies(ctx, taxonomies):
    """Themes, units and campuses from ``taxonomies`` (as ``demo.content.taxonomies()``)."""
    from hub.models import Campus, Theme, Unit

    for model, key, label in (
        (Theme, "themes", "theme"),
        (Unit, "units", "unit"),
        (Campus, "campuses", "campus"),
    ):
        for item in taxonomies.get(key, []):
            defaults = {name: value for name, value in item.items() if name != "slug"}
            _obj, created = model.objects.get_or_create(
                slug=item["slug"], locale=ctx.locale, defaults=defaults
            )
            ctx.count(label, int(created))


def load(ctx):
    ctx.locale = ensure_locales()
    ctx.home = ensure_home(ctx)
    ensure_users(ctx)


def sync_locales(ctx):
    """Mirror the default language's tree into every other language as alias pages.

    Readers of any language then see the whole site; editors translate pages one by one
    with wagtail-localize, which turns an alias into a real translation. A
    ``LocaleSynchronization`` per language keeps pages created later in step too.
    """
    from wagtail_localize.models import LocaleSynchronization

    from hub.aliases import sync_all_languages

    for locale in Locale.objects.exclude(pk=ctx.locale.pk):
        # Creating the synchronisation syncs the whole tree (a wagtail-localize signal).
        LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": ctx.locale}
        )
    # Pages added since, first published in another language, or created in code, are
    # mirrored from one query of what each language lacks (walking the whole tree again per
    # language, as wagtail-localize's synchronize_tree does, took most of a second load).
    sync_all_languages()
