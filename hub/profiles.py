"""One preferred language per person: the site's, and the one Wagtail's admin uses.

People choose their language on their account page (``User.preferred_language``); Wagtail
keeps its own on ``UserProfile`` for the admin and for the e-mails it sends (pages submitted
for moderation, workflow tasks). Each is copied to the other when it changes, so a moderator
who reads German gets Wagtail's review e-mails in German too.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save


def _codes():
    return {code for code, _name in settings.LANGUAGES}


def copy_to_wagtail(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """``post_save`` of User: Wagtail's profile follows the person's preferred language."""
    if raw or (update_fields is not None and "preferred_language" not in update_fields):
        return
    from wagtail.users.models import UserProfile

    language = instance.preferred_language
    if language not in _codes():
        return
    profile = UserProfile.get_for_user(instance)
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


def copy_from_wagtail(sender, instance, raw=False, **kwargs):
    """``post_save`` of UserProfile: a language chosen in the admin is the person's too."""
    language = instance.preferred_language
    if raw or language not in _codes():
        return
    get_user_model().objects.filter(pk=instance.user_id).exclude(
        preferred_language=language
    ).update(preferred_language=language)


def connect():
    from wagtail.users.models import UserProfile

    post_save.connect(
        copy_to_wagtail, sender=get_user_model(), dispatch_uid="hub.profiles.to-wagtail"
    )
    post_save.connect(copy_from_wagtail, sender=UserProfile, dispatch_uid="hub.profiles.from")
