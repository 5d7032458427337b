"""Dates as typed values with their precision, relative to the article's publication date.

>>> normalize_time("2017"), normalize_time("March 2024"), normalize_time("June 3, 2025")
('2017', '2024-03', '2025-06-03')
>>> normalize_time("Tuesday", published="2025-06-05")
'2025-06-03'
>>> normalize_time("daily") is None
True
"""

from __future__ import annotations

import re
from datetime import datetime

from dateparser.date import DateDataParser

_PARSER = DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False})


def normalize_time(text: str, published: str | None = None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (xsd:gYear, xsd:gYearMonth, xsd:date) or None."""
    cleaned = re.sub(r"^(in|on|since|during|by|from|the)\s+", "", text.strip(), flags=re.I)
    if re.fullmatch(r"(1[89]|20)\d\d", cleaned):
        return cleaned
    settings = {}
    if published:
        try:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
        except ValueError:
            pass
    elif not re.search(r"\b(1[89]|20)\d\d\b", cleaned):
        # A relative date ("Tuesday") means nothing without the article's date.
        return None
    parser = _PARSER
    if settings:
        parser = DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", **settings})
    data = parser.get_date_data(cleaned)
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
