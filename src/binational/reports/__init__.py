"""The report as a service over plain values.

``ordering`` (which events, in what order, with what numbers: pure), ``document``
(the ``ReportDocument`` every renderer receives: pure), ``builder`` (the analyst's
moves and exclusions), ``numbers`` (an event's number in its report, without
loading the report), and ``service`` (a period's document from the database, and
its files written).
"""
