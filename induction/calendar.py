"""Programme sessions as Python objects, and as iCalendar feeds (RFC 5545)."""

import datetime
from dataclasses import dataclass, field

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

PRODID = "-//Partnership Hub//Officer induction//EN"


@dataclass
class Session:
    """One session of a programme, with aware start and end times."""

    id: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str = ""
    online_url: str = ""
    description: str = ""
    role_slugs: list = field(default_factory=list)

    @classmethod
    def from_block(cls, block, tzinfo):
        value = block.value
        return cls(
            id=block.id,
            title=value["title"],
            starts_at=datetime.datetime.combine(value["date"], value["start_time"], tzinfo),
            ends_at=datetime.datetime.combine(value["date"], value["end_time"], tzinfo),
            location=value["location"] or "",
            online_url=value["online_url"] or "",
            description=value["description"] or "",
            role_slugs=list(value["roles"] or []),
        )

    @property
    def date(self):
        return self.starts_at.date()

    @property
    def for_everyone(self):
        return not self.role_slugs

    def is_for(self, role_slugs):
        return self.for_everyone or bool(set(self.role_slugs) & set(role_slugs))

    def is_upcoming(self, now=None):
        return self.ends_at >= (now or timezone.now())


def group_by_day(sessions):
    """``[(date, [sessions…]), …]`` in date order."""
    days = {}
    for session in sessions:
        days.setdefault(session.date, []).append(session)
    return sorted(days.items())


def build_calendar(programme, sessions, *, name, url, host, role_names=None):
    """An RFC 5545 calendar of ``sessions`` with a VTIMEZONE for the programme's zone.
    ``programme`` may be ``None`` (an officer whose programme is not published yet): the
    calendar is then valid and empty."""
    role_names = role_names or {}
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", getattr(programme, "time_zone", None) or settings.TIME_ZONE)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    modified = (getattr(programme, "last_published_at", None) or stamp).astimezone(datetime.UTC)
    for session in sessions:
        event = icalendar.Event()
        event.add("uid", f"{session.id}@{host}")
        event.add("dtstamp", stamp)
        event.add("last-modified", modified.replace(microsecond=0))
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", session.title)
        description = session.description
        if session.online_url:
            description = f"{description}\n\n{session.online_url}".strip()
        if description:
            event.add("description", description)
        if session.location:
            event.add("location", session.location)
        elif session.online_url:
            event.add("location", session.online_url)
        if session.online_url:
            event.add("url", session.online_url)
        elif url:
            event.add("url", url)
        if session.role_slugs:
            event.add("categories", [role_names.get(slug, slug) for slug in session.role_slugs])
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    if sessions:
        # Whole years, so the zone carries both its summer and winter rules.
        first = datetime.date(min(s.starts_at for s in sessions).year, 1, 1)
        last = datetime.date(max(s.ends_at for s in sessions).year + 1, 1, 1)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal


def calendar_response(cal, filename, *, private=False):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "calendar"}.ics"'
    if private:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
    else:
        response["Cache-Control"] = "public, max-age=900"
    return response
