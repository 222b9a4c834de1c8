"""Open data: the published events, the registry and the links between them as CSV,
JSON, NDJSON (with a Frictionless ``datapackage.json``), the events' sources as
CSL-JSON and RIS, and a SQLite file ready for Datasette (with ``metadata.json``).

``tables.py`` makes the rows (pure); one module per format writes them;
``service.py`` reads the database and writes the chosen formats.
"""
