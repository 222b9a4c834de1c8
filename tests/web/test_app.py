"""web/app.py: the factory's own parts."""

import gc
import weakref

from binational.config import Settings
from binational.web.app import create_app, settle_heap


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_settle_heap_freezes_what_is_left_and_frees_it_at_the_next():
    try:
        cycle = Cycle()
        settle_heap()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        gone = weakref.ref(cycle)
        del cycle  # cyclic garbage now, but frozen: a collection leaves it
        gc.collect()
        assert gone() is not None
        settle_heap()  # the next build's: unfreeze, collect, freeze again
        assert gone() is None and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_the_served_index_settles_the_heap_after_each_build(web_db):
    settings = Settings(db=str(web_db.engine.url.database), secret_key="test-key")
    app = create_app(settings, web_db)
    assert app.state.web.search_index.after_build is settle_heap
