from django.urls import path

from hub import account

urlpatterns = [
    path("", account.overview, name="account"),
    path("notifications/", account.notifications, name="account-notifications"),
    path("notifications/<int:pk>/", account.open_notification, name="account-notification"),
    path("data.json", account.download_data, name="account-data"),
    path("delete/", account.delete_account, name="account-delete"),
]
