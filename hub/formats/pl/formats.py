"""Polish: the hub's date and time style (Django's own formats for everything else)."""

DATE_FORMAT = "j E Y"  # 5 lipca 2027
DAY_FORMAT = "l, j E Y"  # Poniedziałek, 5 lipca 2027
TIME_FORMAT = "H:i"  # 09:30
DATETIME_FORMAT = "j E Y, H:i"  # 5 lipca 2027, 09:30
