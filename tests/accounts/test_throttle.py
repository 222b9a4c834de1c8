"""Sign-in throttling (web/ratelimit.py), with a fake clock, and through the app."""


from binational.accounts.throttle import LoginThrottle, SlidingWindow


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_window_blocks_at_the_limit_and_reopens_when_the_oldest_leaves():
    clock = Clock()
    window = SlidingWindow(limit=3, window=60, clock=clock)
    for step in range(3):
        assert window.retry_after("k") is None
        window.add("k")
        clock.now += 10 * (step + 1)
    # failures at 1000, 1010 and 1030: blocked until 1000 leaves the window
    clock.now = 1050
    assert window.retry_after("k") == 10.0
    clock.now = 1060.5
    assert window.retry_after("k") is None


def test_window_keeps_a_bounded_number_of_keys():
    window = SlidingWindow(limit=1, window=60, clock=Clock(), max_keys=3)
    for key in "abcd":
        window.add(key)
    assert window.retry_after("a") is None  # evicted, oldest first
    assert window.retry_after("d") is not None


def test_throttle_per_account_and_per_address():
    clock = Clock()
    throttle = LoginThrottle(per_account=2, per_ip=3, window=60, clock=clock)
    throttle.failed("Ana@x.org", "1.1.1.1")
    throttle.failed("ana@x.org", "2.2.2.2")
    assert throttle.retry_after("ana@x.org", "3.3.3.3") is not None  # the account
    assert throttle.retry_after("bob@x.org", "1.1.1.1") is None
    throttle.failed("bob@x.org", "1.1.1.1")
    throttle.failed("eve@x.org", "1.1.1.1")
    assert throttle.retry_after("zed@x.org", "1.1.1.1") is not None  # the address
    throttle.succeeded("ana@x.org")
    assert throttle.retry_after("ana@x.org", "3.3.3.3") is None
