"""Every test, and every process a test starts, imports this checkout's ``src``.

pytest's ``pythonpath`` setting covers this process only; child processes (the CLI, docs
examples, concurrent writers) inherit ``PYTHONPATH``, so it names ``src`` too.
"""

from __future__ import annotations

import os
from pathlib import Path

_SRC = str(Path(__file__).resolve().parent.parent / "src")
os.environ["PYTHONPATH"] = os.pathsep.join([_SRC, *filter(None, [os.environ.get("PYTHONPATH")])])
