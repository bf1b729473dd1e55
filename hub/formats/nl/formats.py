"""Dutch: the hub's date and time style (Django's own formats for everything else)."""

DATE_FORMAT = "j F Y"  # 5 juli 2027
DAY_FORMAT = "l j F Y"  # maandag 5 juli 2027
TIME_FORMAT = "H:i"  # 09:30
DATETIME_FORMAT = "j F Y, H:i"  # 5 juli 2027, 09:30
