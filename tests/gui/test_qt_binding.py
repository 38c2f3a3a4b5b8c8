"""Guards against a Qt binding that breaks long sessions.

PySide6 6.12.0 drops one reference to ``True`` on every Python-side ``Signal.emit()``. On Python
3.11, where ``True`` is not immortal, a process aborts ("bool_dealloc: deallocating True or False")
after a few hundred emits — minutes into a busy queue. ClipDesk pins a release without the bug;
this test fails if a pin moves to one that has it. Run in a subprocess: the failure mode is an abort.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    changed = Signal(str)
emitter = Emitter()
emitter.changed.connect(lambda _text: None)
before = sys.getrefcount(True)
for _ in range(20000):
    emitter.changed.emit("x")
print(sys.getrefcount(True) - before)
"""


def test_many_signal_emits_leave_python_intact() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-1500:]
    assert abs(int(result.stdout.strip())) <= 2
