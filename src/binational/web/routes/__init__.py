"""Routes, one module per area; each exposes ``router()`` and is included by
``create_app``. Routes parse, call a service, and render."""
