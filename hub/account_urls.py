from django.urls import path

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from hub import account

urlpatterns = [
    path("", account.overview, name="account"),
    path("notifications/", account.notifications, name="account-notifications"),
    path("notifications/<id:pk>/", account.open_notification, name="account-notification"),
    path("data.json", account.download_data, name="account-data"),
    path("delete/", account.delete_account, name="account-delete"),
]
