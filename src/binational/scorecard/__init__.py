"""Institutions activity, cadence and continuity over a period: ``activity`` (linked
events, meetings, intervals: pure), ``marks`` (the continuity rules: pure), ``build``
(the ``ScorecardDocument``: pure) and ``service`` (from the database)."""
