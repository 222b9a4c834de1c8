"""Curation: an editor's changes to an event (fields, topics, institution links),
checked against the registry and the taxonomy and applied through the store, each
change recorded as a revision; the linker runs again when the text changed."""
