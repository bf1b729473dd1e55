"""Spanish: the hub's date and time style (Django's own formats for everything else)."""

DATE_FORMAT = r"j \d\e F \d\e Y"  # 5 de julio de 2027
DAY_FORMAT = r"l, j \d\e F \d\e Y"  # lunes, 5 de julio de 2027
TIME_FORMAT = "H:i"  # 09:30
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"  # 5 de julio de 2027, 09:30
