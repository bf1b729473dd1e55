"""Forms for a person's own account."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class LanguageSelect(forms.Select):
    """A choice of languages, each named in its own language and marked with its ``lang``."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
        return option


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["display_name", "preferred_language"]
        widgets = {"preferred_language": LanguageSelect}
        help_texts = {
            "display_name": _("How your name is shown to others. Leave empty to use your name."),
            "preferred_language": _(
                "The hub opens in this language when you sign in, and e-mails and "
                "notifications are sent to you in it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].widget.attrs["autocomplete"] = "nickname"
        # Autonyms ("Deutsch", "Polski"), as settings.LANGUAGES names them.
        self.fields["preferred_language"].choices = settings.LANGUAGES


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        max_length=200,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is deleted for good."),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
