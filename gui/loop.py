"""The GUI's asyncio loop: qasync's, with an executor of Python threads.

qasync's default executor starts ten QThreads of a Python class at once, on the first
``run_in_executor`` (the app's first is the services' imports, while the window paints). Qt names a
starting thread after its class, and asks for it from the new thread: for a Python class that is
PySide's metaobject code running without the GIL, racing the GUI thread; under load it crashed
the app in 7 of 240 starts, four at a time. ``threading`` threads never enter Qt, and the pool starts them
one at a time, as work needs them.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import qasync

# Work the GUI hands off is short (imports, an image's header, a file check): a few threads do.
EXECUTOR_THREADS = 4


def new_loop() -> qasync.QEventLoop:
    """A qasync loop on the running QApplication whose default executor is a thread pool."""
    loop = qasync.QEventLoop()
    loop.set_default_executor(ThreadPoolExecutor(EXECUTOR_THREADS, thread_name_prefix="clipdesk-gui-io"))
    return loop
