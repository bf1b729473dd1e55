"""Values that broke id and number parsing, shared by the ``hub.inputs`` tests."""

HUGE = "99999999999999999999"  # > 2**63 - 1: an OverflowError on SQLite before
TOO_BIG = str(2**63)
UNICODE_DIGITS = ["²", "٣", "５", "১"]  # str.isdigit() says yes to all of them
