"""Sharing work among forked processes, for the stages that are slow on a large corpus (extraction,
cross-referencing).  This process always does part of the work itself: with two cores, half the
results never have to be pickled and sent back."""

from __future__ import annotations

import gc
import mmap
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_TASK: Callable[[int, int], Any] | None = None  # what forked workers inherit


def cores() -> int:
    """The cores this process may use, at most four: past that, the results sent back between
    processes cost more than the extra workers save."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(4, count)


def _can_fork() -> bool:
    """Fork is missing on some systems; and forking beside another thread (the TUI loads in one) can
    leave a lock held forever in the child."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def in_workers(task: Callable[[int, int], T], workers: int) -> list[T]:
    """``[task(share, workers) for share in range(workers)]``: share 0 in this process, the others in
    forked workers, which inherit everything ``task`` reads (nothing is pickled but the results).
    For work that splits into fixed shares of equal cost."""
    global _TASK
    if workers <= 1 or not _can_fork():
        return [task(0, 1)]
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
            waiting = [pool.apply_async(_forked, (share, workers)) for share in range(1, workers)]
            return [task(0, workers)] + [w.get() for w in waiting]
    finally:
        _TASK = None


def _forked(share: int, of: int) -> Any:
    assert _TASK is not None
    return _TASK(share, of)


def map_in_workers(func: Callable[[T], R], items: Sequence[T], workers: int,
                   done: Callable[[int], None] | None = None) -> list[R]:
    """``[func(item) for item in items]``, this process and forked workers taking the next item in
    turn.  For work whose items differ in cost: nobody idles while another has a long queue, and
    each worker's results stream back as they come, so this process reads them (the dear part of
    sending) between items of its own.  ``done(n)`` is called with the number of items finished."""
    if workers <= 1 or len(items) < 2 or not _can_fork():
        results = []
        for item in items:
            results.append(func(item))
            if done:
                done(len(results))
        return results
    context = multiprocessing.get_context("fork")
    turn = _Turns(context)
    arrivals: Any = context.Queue()
    children = [context.Process(target=_take_turns, args=(func, items, turn, arrivals), daemon=True)
                for _ in range(workers - 1)]
    slots: list[Any] = [_MISSING] * len(items)
    finished = 0
    running = len(children)

    def receive(block: bool) -> None:
        nonlocal finished, running
        while running:
            try:
                index, result, failure = arrivals.get(block)
            except queue.Empty:
                return
            if index < 0:
                running -= 1
            elif failure is not None:
                raise RuntimeError(f"a worker failed on item {index}:\n{failure}")
            else:
                slots[index] = result
                finished += 1
                if done:
                    done(finished)

    for child in children:
        child.start()
    try:
        while (index := turn.take()) < len(items):
            slots[index] = func(items[index])
            finished += 1
            if done:
                done(finished)
            receive(block=False)
        while running:
            receive(block=True)
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
            child.join()
    return slots


_MISSING = object()


class _Turns:
    """Hands out 0, 1, 2 … to this process and its forked workers, each number once: a counter in
    memory that fork shares (an anonymous mmap), under a lock.  A multiprocessing.Value would do the
    same but imports ctypes on its first use, several milliseconds before the first item starts."""

    def __init__(self, context: Any) -> None:
        self._counter = mmap.mmap(-1, 8)
        self._lock = context.Lock()

    def take(self) -> int:
        with self._lock:
            index = int.from_bytes(self._counter, "little")
            self._counter[:] = (index + 1).to_bytes(8, "little")
        return index


def _take_turns(func: Callable[[Any], Any], items: Sequence[Any], turn: _Turns, arrivals: Any) -> None:
    """A forked worker's loop: the next item nobody has taken, until none is left; then a last
    message (index -1) that says this worker is through."""
    import traceback

    with cyclic_gc_paused():
        while (index := turn.take()) < len(items):
            try:
                arrivals.put((index, func(items[index]), None))
            except Exception:
                arrivals.put((index, None, traceback.format_exc()))
                break
    arrivals.put((-1, None, None))
    arrivals.close()
    arrivals.join_thread()


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """A large corpus makes millions of small objects without cycles; the cyclic collector would walk
    the whole heap again and again for nothing.  What was made meanwhile is then moved straight to the
    oldest generation, as if it had survived the young collections (which would walk all of it once
    more, finding nothing); full collections still look at it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # freeze + unfreeze would thaw what someone else froze
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
