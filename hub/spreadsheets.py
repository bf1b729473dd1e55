"""CSV exports that are safe to open in a spreadsheet: one writer for every export.

Text that readers or staff typed (a search term, a comment, a name, a page title) ends up in
reports that editors download and open in Excel or LibreOffice. A cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula there (CSV or
"formula injection"), so such a cell gets a leading apostrophe, which spreadsheets show as
text. Every file starts with a UTF-8 byte-order mark, so accents survive a double-click in
Excel, and dates and times are written in ISO 8601 in the site's time zone, to the second.

:func:`csv_cell` formats one value, :func:`csv_lines` writes rows, :func:`csv_response` answers
with a download, and :class:`SafeSpreadsheetExportMixin` puts the same writer under Wagtail's
report and listing exports (``list_export``): every CSV export of the hub goes through here.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

BOM = "\ufeff"
# What a spreadsheet reads as the start of a formula, including full-width forms that some
# spreadsheet versions normalise to the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet will show it, never as a formula to run."""
    if text.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_cell(value):
    """One value as a CSV cell: numbers stay numbers, everything else becomes safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, list | tuple | set):
        return neutralise(", ".join(force_str(csv_cell(item)) for item in value))
    return neutralise(force_str(value))


class _Line:
    """A file-like object whose ``write`` hands back what the CSV writer produced."""

    def write(self, value):
        return value


def csv_lines(header: Iterable, rows: Iterable[Iterable]) -> Iterator[bytes]:
    """The encoded lines of a CSV file: the byte-order mark, the header, then each row."""
    writer = csv.writer(_Line())
    yield (BOM + writer.writerow([csv_cell(name) for name in header])).encode("utf-8")
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row]).encode("utf-8")


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable]):
    """A streamed download of ``filename`` (without ``.csv``) made by :func:`csv_lines`."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


class SafeSpreadsheetExportMixin:
    """Put before Wagtail's report or listing view: its CSV export goes through
    :func:`csv_lines` (safe cells, byte-order mark, readable dates). Wagtail's own XLSX export
    already stores every cell as a value, never as a formula."""

    def write_csv_response(self, queryset):
        fields = list(self.list_export)
        header = [self.get_heading(queryset, field) for field in fields]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        return csv_response(self.get_filename(), header, rows)
