"""Dates as typed values with their precision, relative to the article's publication date.

>>> normalize_time("2017"), normalize_time("March 2024"), normalize_time("June 3, 2025")
('2017', '2024-03', '2025-06-03')
>>> normalize_time("Tuesday", published="2025-06-05")
'2025-06-03'
>>> normalize_time("on Thursday", published="2025-06-05")  # the article's own weekday: that day
'2025-06-05'
>>> normalize_time("daily") is None
True
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime
from functools import lru_cache

from dateparser.date import DateDataParser

_PARSER = DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False})


@lru_cache(maxsize=64)
def _relative_parser(base: datetime) -> DateDataParser:
    """A parser anchored at one publication date (articles of a day share it)."""
    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base})


@lru_cache(maxsize=4096)
def normalize_time(text: str, published: str | None = None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (xsd:gYear, xsd:gYearMonth, xsd:date) or None.

    Cached: dateparser is slow, and news repeats its dates ("on Tuesday", "in 2017")."""
    cleaned = re.sub(r"^(in|on|since|during|by|from|the)\s+", "", text.strip(), flags=re.I)
    if re.fullmatch(r"(1[89]|20)\d\d", cleaned):
        return cleaned
    settings = {}
    base = None
    if published:
        try:
            base = datetime.fromisoformat(published[:10])
        except ValueError:
            base = None
    if base is not None and base.year >= 1000:  # "Monday" before year 1 overflows dateparser
        settings["RELATIVE_BASE"] = base
    elif not re.search(r"\b(1[89]|20)\d\d\b", cleaned):
        # A relative date ("Tuesday") means nothing without the article's (usable) date.
        return None
    if settings and cleaned.casefold() == calendar.day_name[settings["RELATIVE_BASE"].weekday()].casefold():
        # "on Friday" in an article of a Friday is that day, not a week before (dateparser's past preference).
        return settings["RELATIVE_BASE"].date().isoformat()
    parser = _relative_parser(settings["RELATIVE_BASE"]) if settings else _PARSER
    try:
        data = parser.get_date_data(cleaned)
    except (OverflowError, ValueError):
        return None  # a date at the edge of the calendar
    if data is None or data.date_obj is None:
        return None
    date = data.date_obj
    if data.period == "year":
        return f"{date.year:04d}"
    if data.period == "month":
        return f"{date.year:04d}-{date.month:02d}"
    if data.period == "day":
        return date.date().isoformat()
    return None
