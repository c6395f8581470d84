"""`Transaction`: what ``index.transaction()`` returns, a context manager with begin, commit and rollback.

One transaction is open per index per thread. A transaction begun while another is open on
the same thread joins it: its writes land when the outer one commits, and go when it rolls
back. A driver's part is three methods of its index, ``_begin``, ``_commit`` and
``_rollback``, called for the outermost transaction only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from terracube.errors import EndTransaction, UnsupportedError

if TYPE_CHECKING:
    from types import TracebackType
    from typing import Self

    from terracube.index.abstract import AbstractIndex

__all__ = ["Transaction"]


class Transaction:
    """A transaction on an index: ``with index.transaction() as t: ...``, or ``begin()`` it.

    As a context manager it begins on entry (unless already begun) and, on leaving, commits,
    or rolls back if the block raised (the exception goes on). Raising
    ``t.rollback_exception(message)`` (or ``t.commit_exception(message)``) in the block ends
    the transaction that way and is not passed on. After an explicit ``commit()`` or
    ``rollback()`` in the block, leaving it does nothing more; ``begin()`` may start another.

    On an index without ``supports_transactions`` each write lands on its own: begin and
    commit do nothing, and rollback raises :class:`~terracube.errors.UnsupportedError`.
    """

    __slots__ = ("_active", "_index", "_joined")

    def __init__(self, index: AbstractIndex) -> None:
        self._index = index
        self._active = False
        self._joined = False

    @property
    def active(self) -> bool:
        """Whether the transaction has begun and not yet ended."""
        return self._active

    @property
    def joined(self) -> bool:
        """Whether it joined a transaction already open on this thread (which decides)."""
        return self._joined

    def begin(self) -> None:
        """Start the transaction (or join the one open on this thread).

        Raises
        ------
        ValueError
            It is already active.
        """
        if self._active:
            raise ValueError("this transaction is already active; commit or roll it back first")
        tls = self._index._tx
        outer = getattr(tls, "outer", None)
        self._joined = outer is not None and outer._active
        if not self._joined:
            if self._index.supports_transactions:
                self._index._begin()
            tls.outer = self
        self._active = True

    def commit(self) -> None:
        """Commit the writes since :meth:`begin` (a joined transaction leaves that to the outer one).

        Raises
        ------
        ValueError
            It is not active.
        """
        self._require_active("commit")
        self._active = False
        if self._joined:
            return
        self._index._tx.outer = None
        if self._index.supports_transactions:
            self._index._commit()

    def rollback(self) -> None:
        """Undo the writes since :meth:`begin`; a joined transaction rolls back the outer one too.

        Raises
        ------
        ValueError
            It is not active.
        UnsupportedError
            The index has no transactions (its writes have landed already).
        """
        self._require_active("roll back")
        if not self._index.supports_transactions:
            raise UnsupportedError(
                f"the {self._index.driver_name!r} index driver cannot roll back: it has "
                "supports_transactions=False, so each write has landed already"
            )
        self._active = False
        outer = getattr(self._index._tx, "outer", None) if self._joined else self
        if outer is self or (outer is not None and outer._active):
            outer._active = False
            self._index._tx.outer = None
            self._index._rollback()

    def rollback_exception(self, message: str) -> EndTransaction:
        """An exception that, raised in the ``with`` block, rolls the transaction back quietly."""
        return EndTransaction(message, commit=False)

    def commit_exception(self, message: str) -> EndTransaction:
        """An exception that, raised in the ``with`` block, commits the transaction quietly."""
        return EndTransaction(message, commit=True)

    def _require_active(self, what: str) -> None:
        if not self._active:
            raise ValueError(f"cannot {what} a transaction that is not active; begin() it first")

    # --- context manager ------------------------------------------------------------------------

    def __enter__(self) -> Self:
        if not self._active:
            self.begin()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool:
        if not self._active:  # committed or rolled back in the block
            return isinstance(exc, EndTransaction)
        if self._joined:
            self._active = False  # the outer transaction decides, when the exception reaches it
            return False
        if isinstance(exc, EndTransaction):
            if exc.commit:
                self.commit()
            else:
                self.rollback()
            return True
        if exc is not None:
            if self._index.supports_transactions:
                self.rollback()
            else:
                self._active = False
                self._index._tx.outer = None
            return False
        self.commit()
        return False

    def __repr__(self) -> str:
        state = "active" if self._active else "inactive"
        return f"<Transaction on {self._index.driver_name!r} ({state}{', joined' if self._joined else ''})>"
