"""web/app.py: the factory's own parts."""

import gc

from binational.config import Settings
from binational.web.app import create_app, settle_heap


def test_settle_heap_freezes_what_is_left():
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        gc.collect()  # a full pass walks none of the frozen objects
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_the_served_index_settles_the_heap_after_each_build(web_db):
    settings = Settings(db=str(web_db.engine.url.database), secret_key="test-key")
    app = create_app(settings, web_db)
    assert app.state.web.search_index.after_build is settle_heap
