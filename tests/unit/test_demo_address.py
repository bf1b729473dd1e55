"""The demo's links (e-mails, printed pages) point at the address it is served on."""

import io
import subprocess
from pathlib import Path

from django.test import override_settings
from wagtail.models import Site

from hub import demo as hub_demo
from tests.factories import clear_site

ROOT = Path(__file__).resolve().parents[2]


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123")
def test_the_demo_site_takes_its_address_from_base_url(db):
    clear_site()
    ctx = hub_demo.DemoContext(stdout=io.StringIO())
    hub_demo.load(ctx)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert ctx.home.full_url.startswith("http://127.0.0.1:8123/")


def test_make_demo_sets_base_url_from_port():
    database = subprocess.run(
        ["make", "-p", "-n", "demo", "PORT=8123"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert "demo: BASE_URL = http://127.0.0.1:$(PORT)" in database
