"""The foundation's own share of a person's data: their profile and notifications."""

from hub.personal_data import register


def export_profile(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "display_name": user.display_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "notifications": [
            {
                "title": n.title,
                "text": n.body,
                "link": n.url,
                "sent": n.created_at,
                "read": n.read_at,
            }
            for n in user.notifications.order_by("created_at")
        ],
    }


def erase_profile(user):
    # The account row itself is deleted by the caller; notifications go with it.
    user.notifications.all().delete()


def connect():
    register("account", export=export_profile, erase=erase_profile)
