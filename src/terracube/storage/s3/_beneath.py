"""Open a file beneath a directory, refusing any path that leaves it, in one system call.

On Linux 5.6 and later this is ``openat2(dirfd, path, RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS)``:
the kernel resolves the path without ever stepping outside ``dirfd`` (a symbolic link out of
it, ``..`` past it or an absolute link give EXDEV), so there is nothing to check afterwards and
no window between a check and the open. Elsewhere (other systems, older kernels, a sandbox that
refuses the call) :func:`open_beneath` returns None and the caller checks the path itself.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from typing import Any, Final

__all__ = ["open_beneath"]

#: openat2's number: the same on every Linux architecture (it came after the tables were unified).
_SYS_OPENAT2: Final = 437
_RESOLVE_NO_MAGICLINKS: Final = 0x02
_RESOLVE_BENEATH: Final = 0x08


class _OpenHow(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_uint64), ("mode", ctypes.c_uint64), ("resolve", ctypes.c_uint64)]


_state: dict[str, Any] = {"usable": sys.platform == "linux", "syscall": None}


def open_beneath(dirfd: int, path: str, flags: int = os.O_RDONLY) -> int | None:
    """A file descriptor of ``path`` (relative to ``dirfd``), opened only if it lies beneath it.

    Returns None where the system cannot do it in one call (then check the path another way).

    Raises
    ------
    OSError
        The open failed; ``errno.EXDEV`` when the path leads outside ``dirfd``.
    """
    if not _state["usable"]:
        return None
    call = _state["syscall"]
    if call is None:
        try:
            call = ctypes.CDLL(None, use_errno=True).syscall
        except (OSError, AttributeError):
            _state["usable"] = False
            return None
        call.restype = ctypes.c_long
        _state["syscall"] = call
    how = _OpenHow(flags | os.O_CLOEXEC, 0, _RESOLVE_BENEATH | _RESOLVE_NO_MAGICLINKS)
    fd = int(
        call(
            ctypes.c_long(_SYS_OPENAT2),
            ctypes.c_int(dirfd),
            ctypes.c_char_p(os.fsencode(path)),
            ctypes.byref(how),
            ctypes.c_size_t(ctypes.sizeof(how)),
        )
    )
    if fd >= 0:
        return fd
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EPERM):  # no openat2 here (an old kernel, a seccomp filter)
        _state["usable"] = False
        return None
    raise OSError(err, os.strerror(err), path)
