"""Drafts of an event's summary and institutional implications, grounded in its
sources, the registry and the event store's history.

``service.draft_event`` is the core: plain inputs in (``inputs.py``), the draft out
(``draft.py``), with one JSON shape for whoever shows or saves it. ``gather.py`` reads
a stored event's inputs from the database, and ``keep.py`` drafts a stored event and
keeps the draft: what ``binational draft``, the accept of a candidate and the web's
"Draft now" share.
"""
