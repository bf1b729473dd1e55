"""Import newly elected officers from a CSV file: all rows or none.

Every row is checked before anything is written; if any row is wrong the editor gets a
line-by-line report and the database is untouched. Otherwise accounts are created (or
found), put in the Officers group, their terms recorded, and invitations sent once the
transaction has committed.

Columns (a header row first, in any order): name, email, role, start, end, and optionally
language — a site language by code (``de``) or by name in any of the site's languages
(``Deutsch``, ``German``, ``allemand``). It becomes a new account's preferred language (an
existing account keeps its own), in which the invitation is written.
"""

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from induction.models import OfficerRole, OfficerTerm

MAX_ROWS = 500
COLUMNS = {
    "name": {"name", "full name", "display name", "officer"},
    "email": {"email", "e-mail", "email address", "e-mail address"},
    "role": {"role", "position", "office"},
    "start": {"start", "starts", "start date", "term start", "starts on"},
    "end": {"end", "ends", "end date", "term end", "ends on"},
    "language": {"language", "lang", "preferred language", "locale"},
}
OPTIONAL_COLUMNS = {"language"}
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]


@dataclass
class Row:
    line: int
    name: str
    email: str
    role: object
    starts_on: datetime.date
    ends_on: datetime.date
    language: str = ""


@dataclass
class ImportReport:
    errors: list = field(default_factory=list)  # (line, message)
    rows: list = field(default_factory=list)
    created_users: list = field(default_factory=list)
    existing_users: list = field(default_factory=list)
    terms: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def _decode(raw):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError


def _parse_date(value):
    value = value.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _language_key(text):
    """Lower case, without accents or extra spaces: "Français " and "francais" are one."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def _languages():
    """The site's languages by code, own name, and name in each of the site's languages."""
    lookup = {}
    for code, _own_name in settings.LANGUAGES:
        lookup.setdefault(_language_key(code), code)
    for code, own_name in settings.LANGUAGES:
        info = LANG_INFO.get(code, {})
        names = [own_name, info.get("name", ""), info.get("name_local", "")]
        if info.get("name"):
            for interface_language, _name in settings.LANGUAGES:
                with translation.override(interface_language):
                    names.append(translation.gettext(info["name"]))
        for name in names:
            if name:
                lookup.setdefault(_language_key(name), code)
    return lookup


def _parse_language(value, lookup):
    """The language code for ``value`` ("de", "de-AT", "German", "Deutsch"), else ``None``."""
    key = _language_key(value)
    if key in lookup:
        return lookup[key]
    base = re.split(r"[-_]", key, maxsplit=1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return base if base in codes else None


def _roles():
    """Roles by lower-cased name and slug, in every language, mapped to the default
    language's role when it exists."""
    default = Locale.get_default()
    roles = list(OfficerRole.objects.select_related("locale"))
    canonical = {r.translation_key: r for r in roles if r.locale_id == default.pk}
    lookup = {}
    for role in roles:
        target = canonical.get(role.translation_key, role)
        lookup.setdefault(role.slug.lower(), target)
        lookup.setdefault(role.name.strip().lower(), target)
    return lookup, sorted({r.name for r in canonical.values()} or {r.name for r in roles})


def parse(raw_bytes):
    """Check every row of the file and return an :class:`ImportReport` (nothing saved)."""
    report = ImportReport()
    try:
        text = _decode(raw_bytes)
    except ValueError:
        report.errors.append((0, _("The file is not a text (CSV) file.")))
        return report
    if not text.strip():
        report.errors.append((0, _("The file is empty.")))
        return report
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        report.errors.append((1, _("The first line must name the columns.")))
        return report
    positions = {}
    for index, title in enumerate(header):
        key = " ".join(title.strip().lower().replace("_", " ").split())
        for column, aliases in COLUMNS.items():
            if key in aliases and column not in positions:
                positions[column] = index
    missing = [
        column for column in COLUMNS if column not in positions and column not in OPTIONAL_COLUMNS
    ]
    if missing:
        report.errors.append(
            (
                1,
                _(
                    "Missing columns: %(columns)s. The first line must name the columns "
                    "name, email, role, start and end."
                )
                % {"columns": ", ".join(missing)},
            )
        )
        return report

    roles, role_names = _roles()
    languages = _languages() if "language" in positions else {}
    language_choices = ", ".join(f"{code} ({name})" for code, name in settings.LANGUAGES)
    seen_emails = {}
    user_model = get_user_model()
    count = 0
    try:
        for line_number, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue
            count += 1
            if count > MAX_ROWS:
                report.errors.append(
                    (
                        line_number,
                        _("Too many rows: import at most %(max)s at a time.") % {"max": MAX_ROWS},
                    )
                )
                break
            problems = []

            def cell(column, values=values):
                index = positions[column]
                return values[index].strip() if index < len(values) else ""

            name, email, role_text = cell("name"), cell("email").lower(), cell("role")
            start_text, end_text = cell("start"), cell("end")
            language_text = cell("language") if "language" in positions else ""
            if not name:
                problems.append(_("the name is missing"))
            elif len(name) > 120:
                problems.append(_("the name is longer than 120 characters"))
            if not email:
                problems.append(_("the e-mail address is missing"))
            else:
                try:
                    validate_email(email)
                except ValidationError:
                    problems.append(
                        _("“%(email)s” is not a valid e-mail address") % {"email": email}
                    )
            role = roles.get(role_text.lower()) if role_text else None
            if not role_text:
                problems.append(_("the role is missing"))
            elif role is None:
                problems.append(
                    _("“%(role)s” is not a known role (known roles: %(roles)s)")
                    % {"role": role_text, "roles": ", ".join(role_names) or "–"}
                )
            starts_on = _parse_date(start_text) if start_text else None
            ends_on = _parse_date(end_text) if end_text else None
            if not start_text:
                problems.append(_("the start date is missing"))
            elif starts_on is None:
                problems.append(
                    _("“%(value)s” is not a date (use YYYY-MM-DD)") % {"value": start_text}
                )
            if not end_text:
                problems.append(_("the end date is missing"))
            elif ends_on is None:
                problems.append(
                    _("“%(value)s” is not a date (use YYYY-MM-DD)") % {"value": end_text}
                )
            if starts_on and ends_on and ends_on <= starts_on:
                problems.append(_("the term ends before it starts"))
            language = _parse_language(language_text, languages) if language_text else ""
            if language is None:
                problems.append(
                    _("“%(value)s” is not a language of the site (use one of: %(languages)s)")
                    % {"value": language_text, "languages": language_choices}
                )
            if email and email in seen_emails:
                problems.append(
                    _("the same e-mail address is already on line %(line)s")
                    % {"line": seen_emails[email]}
                )
            if not problems and role is not None:
                clash = (
                    OfficerTerm.objects.filter(user__email__iexact=email)
                    .same_role(role)
                    .filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
                    .first()
                )
                if clash is not None:
                    problems.append(
                        _("%(email)s already has a term as %(role)s from %(start)s to %(end)s")
                        % {
                            "email": email,
                            "role": role.name,
                            "start": clash.starts_on.isoformat(),
                            "end": clash.ends_on.isoformat(),
                        }
                    )
            if email:
                seen_emails.setdefault(email, line_number)
            if problems:
                report.errors.append((line_number, "; ".join(str(p) for p in problems)))
            else:
                report.rows.append(
                    Row(line_number, name, email, role, starts_on, ends_on, language)
                )
    except csv.Error as exc:
        report.errors.append(
            (reader.line_num, _("The file could not be read: %(error)s") % {"error": exc})
        )
    if not report.rows and not report.errors:
        report.errors.append((0, _("The file has no officers in it.")))
    if report.errors:
        report.rows = []
        return report
    existing = {
        user.email.lower(): user
        for user in user_model.objects.filter(email__in=[row.email for row in report.rows])
    }
    report.existing_emails = set(existing)
    return report


@transaction.atomic
def apply(report, invite):
    """Create accounts and terms for a report without errors; ``invite(user, term, new)`` is
    called after the transaction commits, once per row."""
    if not report.ok:
        raise ValueError("Refusing to import a report with errors")
    user_model = get_user_model()
    officers = Group.objects.get(name="Officers")
    codes = {code for code, _name in settings.LANGUAGES}
    invitations = []
    for row in report.rows:
        user = user_model.objects.filter(email__iexact=row.email).first()
        created = user is None
        if created:
            first, _sep, last = row.name.partition(" ")
            user = user_model(
                email=row.email,
                display_name=row.name,
                first_name=first[:150],
                last_name=last[:150],
                preferred_language=row.language or settings.LANGUAGE_CODE,
            )
            user.set_unusable_password()
            user.save()
            report.created_users.append(user)
        else:
            # An existing account keeps the language its owner chose; the file only fills a gap.
            if row.language and user.preferred_language not in codes:
                user.preferred_language = row.language
                user.save(update_fields=["preferred_language"])
            report.existing_users.append(user)
        user.groups.add(officers)
        term = OfficerTerm(user=user, role=row.role, starts_on=row.starts_on, ends_on=row.ends_on)
        term.full_clean()
        term.save()
        report.terms.append(term)
        invitations.append((user, term, created or not user.has_usable_password()))
    transaction.on_commit(lambda: [invite(user, term, new) for user, term, new in invitations])
    return report
