"""The registry's background tasks (django-tasks): queued in production, immediate in tests."""

from django_tasks import task


@task()
def send_search_alerts(frequency=None):
    """E-mail saved searches' new projects (``manage.py send_search_alerts`` as a task).

    ``frequency`` ("daily", "weekly") checks every search of that frequency; without it,
    every search whose period is over. Returns the summary (searches, emails, projects).
    """
    from projects.alert_digest import send_alerts

    return send_alerts(frequency)
