"""web/app.py: the factory's own parts."""

from fastapi.testclient import TestClient

from binational.config import Settings
from binational.web.app import create_app


def test_starting_the_app_builds_the_search_index(web_db):
    settings = Settings(db=str(web_db.engine.url.database), secret_key="test-key")
    app = create_app(settings, web_db)
    engine = app.state.web.search
    assert engine.index is None and not engine.directory.exists()
    with TestClient(app):
        assert engine.index is not None and engine.builds == 1
    assert str(engine.directory) == web_db.engine.url.database + ".search"
