"""Work shared with forked processes comes back whole, in order, and a worker's failure is not lost."""

from __future__ import annotations

import os
import time

import pytest

from workbench.parallel import in_workers, map_in_workers


def test_map_in_workers_keeps_order_and_uses_another_process():
    items = list(range(200))
    seen = []

    def square(n: int) -> tuple[int, int]:
        time.sleep(0.001)  # long enough that the worker, once forked, finds items left
        return n * n, os.getpid()

    results = map_in_workers(square, items, 2, seen.append)
    assert [square for square, _ in results] == [n * n for n in items]
    assert len({pid for _, pid in results}) == 2  # a forked worker took some of the items
    assert seen[-1] == len(items) and seen == sorted(seen)


def test_map_in_workers_reports_a_worker_failure():
    parent = os.getpid()

    def fails_in_a_worker(n: int) -> int:
        if os.getpid() != parent:
            raise ValueError(f"bad item {n}")
        time.sleep(0.01)  # leave items for the worker
        return n

    with pytest.raises(RuntimeError, match="bad item"):
        map_in_workers(fails_in_a_worker, list(range(50)), 2)


def test_one_worker_runs_here():
    assert map_in_workers(lambda n: os.getpid(), [1, 2, 3], 1) == [os.getpid()] * 3
    assert in_workers(lambda share, of: (share, of), 1) == [(0, 1)]
