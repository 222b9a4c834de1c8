"""The analysts' web application: server-rendered pages and a JSON API over the same
service functions the CLI uses. ``binational.web.app.create_app`` builds it."""
