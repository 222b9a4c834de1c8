"""What Schemathesis cannot read from the OpenAPI document, told to its generator.

A range of months must not end before it begins (``2023-06..2023-01`` is refused
with 400, as the parameter's description says). JSON Schema has no way to say that
one part of a string comes after another, so the generator is asked not to send
such ranges as valid data. Every check still runs on everything else it sends.
Loaded by the CLI through ``SCHEMATHESIS_HOOKS``.
"""

from __future__ import annotations

import re

import schemathesis

RANGE = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")
PERIOD_PARAMETERS = ("quarter", "period")


def ordered(value: object) -> bool:
    match = RANGE.match(value) if isinstance(value, str) else None
    if match is None:
        return True
    y1, m1, y2, m2 = (int(part) for part in match.groups())
    return (y1, m1) <= (y2, m2)


@schemathesis.hook
def filter_query(ctx, query):  # noqa: ANN001 - Schemathesis's hook signature
    return not query or all(ordered(query.get(name)) for name in PERIOD_PARAMETERS)
