"""View models: what each page shows, as plain data its HTML template and its JSON
twin both render (Datasette's rule: every page has a JSON twin, built from the same
view model)."""
