"""Query expressions on the command line -> keyword arguments for ``index.datasets.search``.

The grammar follows the Open Data Cube command line::

    product=ls8_ard
    time in [2020-01, 2020-03]
    time=2020
    lat in [-36, -35]  lon in [149, 150]
    cloud_cover in [0, 20]
    platform="landsat 8"

Several expressions may share one argument or be spread over many (they are joined with
spaces first). ``field=value`` and ``field in value`` give one value; ``field in [low, high]``
gives a ``(low, high)`` range whose ends may be left empty for an open end
(``time in [2020-06, ]``). Quote a value holding spaces, brackets, commas or ``=``.

Values stay strings: the index converts each to its search field's type (a ``double`` field
reads ``"20"`` as 20.0, a string field keeps ``"089084"`` as written, ``time`` reads periods
such as ``"2020-03"``), so nothing is lost by guessing a type here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeAlias

from terracube.errors import QueryError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["QueryValue", "parse_expressions"]

#: One parsed value: a single string, or a ``(low, high)`` range with optional open ends.
QueryValue: TypeAlias = str | tuple[str | None, str | None]

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<quoted>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
      | (?P<punct>[\[\],=])
      | (?P<word>[^\s\[\],="']+)
    )""",
    re.VERBOSE,
)
_FIELD = re.compile(r"^[A-Za-z_]\w*$")
_ESCAPE = re.compile(r"\\(.)")

# A token: (kind, text, position in the joined text). kind is "value", "punct" or "end".
_Token: TypeAlias = tuple[str, str, int]


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].isspace():
            break
        m = _TOKEN.match(text, pos)
        if m is None:
            rest = text[pos:].lstrip()
            raise QueryError(f"cannot read {rest[:20]!r} in the expression {text!r}: unclosed quote?")
        start = m.start(m.lastgroup or 0)
        if m.group("quoted") is not None:
            out.append(("value", _ESCAPE.sub(r"\1", m.group("quoted")[1:-1]), start))
        elif m.group("punct") is not None:
            out.append(("punct", m.group("punct"), start))
        else:
            out.append(("word", m.group("word"), start))
        pos = m.end()
    out.append(("end", "", len(text)))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.i = 0

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def take(self) -> _Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self, tok: _Token, expected: str) -> QueryError:
        found = "the end" if tok[0] == "end" else repr(tok[1])
        return QueryError(
            f"expected {expected} but found {found} at position {tok[2]} of {self.text!r}; "
            "write expressions like product=ls8, time in [2020-01, 2020-03], cloud_cover in [0, 20]"
        )

    def optional_value(self) -> str | None:
        tok = self.peek()
        if tok[0] in ("value", "word"):
            self.take()
            return tok[1]
        return None

    def value(self) -> str:
        found = self.optional_value()
        if found is None:
            raise self.fail(self.peek(), "a value")
        return found

    def expression(self) -> tuple[str, QueryValue]:
        tok = self.take()
        if tok[0] != "word" or not _FIELD.match(tok[1]):
            raise self.fail(tok, "a field name")
        field = tok[1]
        op = self.take()
        if op[:2] == ("punct", "="):
            return field, self.value()
        if op[0] == "word" and op[1].lower() == "in":
            if self.peek()[:2] != ("punct", "["):
                return field, self.value()
            self.take()
            low = self.optional_value()
            sep = self.take()
            if sep[:2] != ("punct", ","):
                raise self.fail(sep, "',' between the two ends of a range [low, high]")
            high = self.optional_value()
            close = self.take()
            if close[:2] != ("punct", "]"):
                raise self.fail(close, "']' closing the range [low, high]")
            return field, (low, high)
        raise self.fail(op, f"'=' or 'in' after {field!r}")


def parse_expressions(args: Iterable[str]) -> dict[str, QueryValue]:
    """Parse query expressions into search keywords.

    Parameters
    ----------
    args
        Command-line arguments; they are joined with spaces, so one argument may hold several
        expressions and one expression may span several arguments.

    Returns
    -------
    dict
        Field name -> a string, or a ``(low, high)`` tuple of strings (None for an open end).

    Raises
    ------
    QueryError
        A malformed expression (the message shows where), or a field given twice.

    Examples
    --------
    >>> parse_expressions(["product=ls8", "time in [2020-01, 2020-03]"])
    {'product': 'ls8', 'time': ('2020-01', '2020-03')}
    """
    parser = _Parser(" ".join(args))
    query: dict[str, QueryValue] = {}
    while parser.peek()[0] != "end":
        field, value = parser.expression()
        if field in query:
            raise QueryError(f"field {field!r} is given twice ({query[field]!r} and {value!r}); give it once")
        query[field] = value
    return query
