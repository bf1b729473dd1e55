"""English: the hub's date and time style (Django's own formats for everything else)."""

DATE_FORMAT = "j F Y"  # 5 July 2027
DAY_FORMAT = "l j F Y"  # Monday 5 July 2027
TIME_FORMAT = "H:i"  # 09:30
DATETIME_FORMAT = "j F Y, H:i"  # 5 July 2027, 09:30
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
