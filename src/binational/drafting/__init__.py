"""Drafts of an event's summary and institutional implications, grounded in its
sources, the registry and the event store's history.

``service.draft_event`` is the entry point: plain inputs in (``inputs.py``), the draft
out (``draft.py``), with one JSON shape for whoever shows or saves it.
"""
