"""Running the batches: in this process, in worker processes or on Dask, a bounded window of
batches in flight, and a progress line.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from itertools import islice
from typing import Callable, Iterator

from ..errors import ReportError


def batch_results(batches: list, task: Callable, jobs: int, scheduler: str | None, window: int) -> Iterator[tuple]:
    """Run analyze_batch over batches: in this process, in ``jobs`` worker processes, or on a Dask
    cluster; yields (batch, tables, failures), in order locally, as they finish on Dask.

    At most ``window`` batches are in flight, so results never pile up; a new batch is submitted as
    each one is collected, so no worker waits for the slowest batch of a window.
    """
    if scheduler:
        try:
            from dask.distributed import Client, as_completed
        except ImportError:
            raise ReportError(None, "--scheduler needs dask.distributed", "pip install 'dask[distributed]'") from None
        with Client(scheduler) as client:
            window = max(window, 2 * sum(client.nthreads().values()))  # keep every worker thread busy
            pending = iter(batches)
            futures = {client.submit(task, b, pure=False): b for b in islice(pending, window)}
            running = as_completed(list(futures))
            for fut in running:
                nxt = next(pending, None)
                if nxt is not None:
                    new = client.submit(task, nxt, pure=False)
                    futures[new] = nxt
                    running.add(new)
                yield (futures.pop(fut), *fut.result())
                fut.release()
        return
    if jobs <= 1:
        for batch in batches:
            yield (batch, *task(batch))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_parent) as pool:
        pending = iter(batches)
        queue = deque((b, pool.submit(task, b)) for b in islice(pending, window))
        while queue:
            batch, fut = queue.popleft()
            result = fut.result()
            nxt = next(pending, None)
            if nxt is not None:
                queue.append((nxt, pool.submit(task, nxt)))
            yield (batch, *result)


def _end_with_parent() -> None:
    """In a worker process: be killed when the parent dies, even by SIGKILL (Linux prctl
    PR_SET_PDEATHSIG); elsewhere a thread ends the worker once its parent is gone."""
    parent = os.getppid()
    try:
        import ctypes
        import signal

        if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL) == 0:  # 1 = PR_SET_PDEATHSIG
            if os.getppid() != parent:  # the parent died before the call
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def make_batches(items: list, size: int, workers: int = 1) -> list[list]:
    """Consecutive batches of at most ``size`` items. With several workers the last batches shrink
    (to a quarter of what is left per worker pair), so the workers finish together instead of one
    idling while the other ends a full batch."""
    out, i = [], 0
    while i < len(items):
        left = len(items) - i
        n = size if workers <= 1 else max(1, min(size, -(-left // (2 * workers))))
        out.append(items[i : i + n])
        i += n
    return out


def progress_printer(stream=None) -> Callable[[int, int, int, float], None]:
    """A one-line progress bar with articles per second (redrawn on a terminal, every 10% otherwise)."""
    stream = stream or sys.stderr
    tty = stream.isatty()
    last = {"t": 0.0, "pct": -10}

    def show(done: int, total: int, failed: int, seconds: float) -> None:
        pct = int(100 * done / total) if total else 100
        if tty and (seconds - last["t"] >= 0.2 or done == total):
            bar = "#" * (pct // 4) + "." * (25 - pct // 4)
            stream.write(f"\r[{bar}] {done}/{total} articles, {done / max(seconds, 1e-9):.1f}/s, {failed} failed")
            if done == total:
                stream.write("\n")
            stream.flush()
            last["t"] = seconds
        elif not tty and (pct >= last["pct"] + 10 or done == total):
            stream.write(f"{done}/{total} articles ({pct}%), {done / max(seconds, 1e-9):.1f}/s, {failed} failed\n")
            last["pct"] = pct

    return show
