"""Which language a page is written in, and where it is really translated.

wagtail-localize mirrors the tree into every language with *alias* pages
(:func:`hub.demo.sync_locales`, ``LocaleSynchronization`` and
:func:`hub.aliases.ensure_aliases`), so a reader of ``/de/`` finds every page. An alias is not
a translation: it shows the text of the page it mirrors (``alias_of``, followed to the page
that is not an alias), so its content language is that page's locale, while the interface
around it stays in the reader's language.

One helper answers for a page, in one query (remembered per worker until the published tree
changes, like the other answers in :data:`hub.cache.tree_memo`):

* :func:`page_languages`: its content language and, per language, the live page (alias or
  translation) with whether it is a real translation. The fallback notice, the ``lang``
  attributes, the ``hreflang`` alternates and the language switcher all read it.
* :func:`with_content_locale` / :func:`mark_content_locales`: the content language of a list
  of pages (cards, search results) in the query that loads them, or in one more query.

Keeping every language's tree complete (an alias in each synchronised language for every
published page) is :mod:`hub.aliases`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models.functions import Coalesce
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.translation import get_language_from_path, get_language_info
from wagtail.models import Locale, Page

from hub.cache import content_version, tree_memo

# The locale of the text a page shows: its own, or its alias source's (two levels of aliases
# deep, which is as far as synchronisation chains them; page_languages() follows any depth).
CONTENT_LOCALE = Coalesce("alias_of__alias_of__locale_id", "alias_of__locale_id", "locale_id")


def autonym(code: str) -> str:
    """A language's own name for itself ("Deutsch", "Polski"), from ``settings.LANGUAGES``."""
    return dict(settings.LANGUAGES).get(code, code)


def language_name(code: str) -> str:
    """A language's name in the active language ("Englisch" for a German reader).

    From Django's own catalogues, so every language Django knows is named without new strings.
    """
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return autonym(code)


def locale_codes() -> dict[int, str]:
    """``{locale id: language code}`` (one query per content version and worker)."""
    return tree_memo.get_or_set(
        content_version(),
        ("locale-codes",),
        lambda: dict(Locale.objects.values_list("pk", "language_code")),
    )


def with_content_locale(queryset):
    """``queryset`` annotated with ``content_locale_id`` (see :func:`content_language`)."""
    return queryset.annotate(content_locale_id=CONTENT_LOCALE)


def content_language(page) -> str:
    """The language code of the text ``page`` shows (its alias source's, for an alias).

    Free for pages loaded through :func:`with_content_locale` and for pages that are not
    aliases; an alias loaded without it costs one remembered look-up.
    """
    codes = locale_codes()
    if not isinstance(page, Page):
        return codes.get(getattr(page, "locale_id", None), _default())
    locale_id = getattr(page, "content_locale_id", None)
    if locale_id is None:
        if "alias_of_id" in page.get_deferred_fields() or page.alias_of_id is not None:
            return _alias_content_language(page.pk) or codes.get(page.locale_id, _default())
        locale_id = page.locale_id
    return codes.get(locale_id, _default())


def mark_content_locales(pages):
    """Set ``content_locale_id`` on each page, so :func:`content_language` is free for all of
    them: at most one query, for the aliases loaded without :func:`with_content_locale`.
    Returns the pages, as a list."""
    pages = [page for page in pages if isinstance(page, Page)]
    unknown = {}
    for page in pages:
        if getattr(page, "content_locale_id", None) is not None:
            continue
        if "alias_of_id" not in page.get_deferred_fields() and page.alias_of_id is None:
            page.content_locale_id = page.locale_id
        else:
            unknown.setdefault(page.pk, []).append(page)
    if unknown:
        rows = with_content_locale(Page.objects.filter(pk__in=list(unknown))).values_list(
            "pk", "content_locale_id"
        )
        for pk, locale_id in rows:
            for page in unknown[pk]:
                page.content_locale_id = locale_id
    return pages


def _default() -> str:
    return settings.LANGUAGE_CODE


def _alias_content_language(pk):
    def compute():
        locale_id = _chain_root_locale(pk)
        return locale_codes().get(locale_id) if locale_id else None

    return tree_memo.get_or_set(content_version(), ("alias-language", pk), compute)


def _chain_root_locale(pk, known=None):
    """The locale id of the page at the end of ``pk``'s alias chain."""
    known = known or {}
    seen = set()
    while pk is not None and pk not in seen:
        seen.add(pk)
        row = known.get(pk)
        if row is None:
            row = Page.objects.filter(pk=pk).values_list("locale_id", "alias_of_id").first()
            if row is None:
                return None
        locale_id, alias_of_id = row
        if alias_of_id is None:
            return locale_id
        pk = alias_of_id
    return None


# --- One page: its languages -------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """The page in one language: where it is, and whether it is a real translation."""

    code: str
    url: str
    translated: bool

    @property
    def autonym(self):
        return autonym(self.code)

    @property
    def name(self):
        """The language's name in the reader's language."""
        return language_name(self.code)


@dataclass(frozen=True)
class PageLanguages:
    language: str  # the language of the page's tree (its locale)
    content: str  # the language its text is written in
    versions: tuple  # Version per language the page is live in, in settings.LANGUAGES order
    url: str  # the page's own URL

    @property
    def is_fallback(self) -> bool:
        """Shown in another language than its tree's: not translated yet."""
        return self.content != self.language

    @property
    def content_name(self) -> str:
        return language_name(self.content)

    @property
    def translations(self) -> tuple:
        """The real translations (live pages that are not aliases), this page's included."""
        return tuple(version for version in self.versions if version.translated)

    def version(self, code):
        return next((version for version in self.versions if version.code == code), None)

    @property
    def original(self):
        """The real page in the language this page's text is written in, if it is live."""
        version = self.version(self.content)
        return version if version is not None and version.translated else None

    @property
    def x_default(self):
        """The version for readers of no listed language: the default language's translation,
        else the original the others were made from."""
        default = self.version(settings.LANGUAGE_CODE)
        if default is not None and default.translated:
            return default
        if self.original is not None:
            return self.original
        translations = self.translations
        return translations[0] if translations else None


def page_languages(page, request=None) -> PageLanguages | None:
    """The languages of ``page`` (see :class:`PageLanguages`); one query, remembered."""
    if not isinstance(page, Page):
        return None
    if page.pk is None or getattr(request, "is_preview", False):
        return _compute(page, request)
    from hub.routing import find_site  # (wagtail.views cannot load while models do)

    site = find_site(request) if request is not None else None
    key = ("page-languages", getattr(site, "pk", None), page.pk)
    return tree_memo.get_or_set(content_version(), key, lambda: _compute(page, request))


def _compute(page, request):
    codes = locale_codes()
    own_code = codes.get(page.locale_id, _default())
    if page.pk is None or not page.translation_key:
        url = page.get_url(request) or ""
        return PageLanguages(own_code, own_code, (Version(own_code, url, True),), url)
    rows = list(
        Page.objects.filter(translation_key=page.translation_key).only(
            "id", "path", "depth", "url_path", "locale_id", "alias_of_id", "live"
        )
    )
    if not any(row.pk == page.pk for row in rows):
        rows.append(page)
    known = {row.pk: (row.locale_id, row.alias_of_id) for row in rows}
    by_code = {}
    own = None
    for row in rows:
        url = row.get_url(request) if row.live or row.pk == page.pk else None
        if row.pk == page.pk:
            own = row
        if not url:
            continue
        code = codes.get(row.locale_id)
        if code is not None:
            by_code[code] = Version(code, url, row.alias_of_id is None)
    alias_of = own.alias_of_id if own is not None else page.alias_of_id
    if alias_of is None:
        content = own_code
    else:
        content = codes.get(_chain_root_locale(page.pk, known), own_code)
    versions = tuple(by_code[code] for code, _name in settings.LANGUAGES if code in by_code)
    own_version = by_code.get(own_code)
    return PageLanguages(own_code, content, versions, own_version.url if own_version else "")


# --- Addresses in another language --------------------------------------------------------


def url_in_language(request, url, code):
    """``url`` (a path on this site) as a reader of ``code`` should see it.

    A page becomes its version in that language (translation or alias, whose slug may
    differ); any other address under a language prefix gets that language's prefix. Anything
    else is returned as it is.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return url
    path = parts.path or "/"
    if path == "/":
        return f"/{code}/"
    source = get_language_from_path(path)
    if source is None:
        return url
    with translation.override(source):  # i18n_patterns resolve the active language's prefix
        try:
            match = resolve(path)
        except Resolver404:
            return url
        if match.url_name == "wagtail_serve":
            page_path = match.args[0] if match.args else match.kwargs.get("path", "")
            page = _page_at(request, page_path)
            locale = Locale.objects.filter(language_code=code).first()
            target = page.get_translation_or_none(locale) if page and locale else None
            target_url = target.get_url(request) if target is not None and target.live else None
            if target_url:
                return urlunsplit(("", "", target_url, parts.query, parts.fragment))
        return translate_url(url, code)


def _page_at(request, path):
    """The live page at ``path`` under the active language's home page, if any."""
    from hub.routing import find_site

    site = find_site(request)
    if site is None:
        return None
    root = site.root_page.localized  # in the address's language (see the caller)
    url_path = root.url_path + "/".join(part for part in path.split("/") if part)
    if not url_path.endswith("/"):
        url_path += "/"
    return Page.objects.live().filter(url_path=url_path).first()
