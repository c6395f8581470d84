"""Reading YAML documents: a fast reader for the plain YAML that dataset documents are, PyYAML else.

:func:`load_documents` gives exactly what PyYAML's safe loader gives (with timestamps kept as
the strings the document wrote, see :func:`document_loader`) for every text, and refuses
hostile ones: alias expansion and nesting depth are bounded before anything is built.

Most documents that tools write (eo3 dataset documents, products, metadata types) use a small
part of YAML: block mappings and sequences, one-line plain and quoted scalars, and flow
sequences such as ``[[[x, y], ...]]``. :func:`plain_documents` reads exactly that part, about
twenty times faster than PyYAML (whose constructor is Python code even with the C parser),
and says ``None`` for anything else (anchors, tags, block scalars, multi-line scalars, flow
mappings, escapes, tabs, ...), which then goes to PyYAML. Plain scalars are resolved with
PyYAML's own implicit resolvers and constructors, so ``yes``, ``010``, ``1e3``, ``.nan`` and
``2020-01-01`` come out as PyYAML makes them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MAX_ALIAS_NODES", "MAX_DEPTH", "document_loader", "load_documents", "plain_documents"]

#: Deepest nesting of mappings and sequences a document may have (eo3 documents have ~6).
MAX_DEPTH: Final = 100
#: A document whose aliases expand it beyond this many nodes, and beyond twice its written
#: size, is refused (a few aliases can otherwise stand for billions of nodes).
MAX_ALIAS_NODES: Final = 100_000

# Characters the plain reader leaves to PyYAML: other line breaks (\r, \x85, \u2028,
# \u2029), tabs, a byte order mark, and what PyYAML's reader refuses (non-printables).
_UNUSUAL: Final = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_UNUSUAL_ASCII: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
# First characters that cannot start a plain scalar (``-``, ``?``, ``:`` can, before a non-space).
_INDICATORS: Final = frozenset("-?:,[]{}#&*!|>'\"%@`")
_SINGLE: Final = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE: Final = re.compile(r'"([^"\\]*)"')
# YAML's white space is spaces and line breaks (tabs go to PyYAML), not Python's \s.
# Numbers that JSON and PyYAML read alike (PyYAML wants a dot before an exponent, and a sign in it).
# Integers up to 18 digits: orjson reads larger ones as floats.
_NUMBER: Final = r"-?(?:(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+][0-9]+)?|0|[1-9][0-9]{0,17})"
_JSON_NUMBERS: Final = re.compile(rf"(?:[\[\], \n]+|{_NUMBER}(?=[\[\], \n]|\Z))*\Z")
_FLOW_TOKEN: Final = re.compile(
    r"""[ \n]*(?:(\[)|(\])|(,)|'((?:[^'\n]|'')*)'|"([^"\\\n]*)"|"""
    r"""((?:[^ \n\[\]{},'"#&*!|>%@`?:-]|-(?=[^ \n\[\]{},]))[^\[\]{},#:\n]*?(?=[ \n]*(?:[\[\]{},]|\Z))))"""
)
_DECIMAL_INT: Final = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_DECIMAL_FLOAT: Final = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?\Z")
_STR_TAG: Final = "tag:yaml.org,2002:str"


class _NotPlain(Exception):
    """The text leaves the plain subset: PyYAML reads it."""


@cache
def document_loader() -> Any:
    """PyYAML's safe loader (C parser when built) keeping timestamps as the strings written.

    Dataset documents hold times as text (``2020-01-01T10:00:00Z``) and are stored as JSON,
    so a timestamp is kept as written rather than turned into a ``datetime``.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {
        ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
        for ch, rs in base.yaml_implicit_resolvers.items()
    }
    return type("DocumentLoader", (base,), {"yaml_implicit_resolvers": resolvers})


@cache
def _python_loader() -> Any:
    """:func:`document_loader` on PyYAML's Python parser (deep nesting raises, never crashes)."""
    import yaml

    return type(
        "PyDocumentLoader",
        (yaml.SafeLoader,),
        {"yaml_implicit_resolvers": document_loader().yaml_implicit_resolvers},
    )


# --- plain scalars, resolved as PyYAML resolves them -------------------------------------------


class _Resolver:
    """Plain scalar text -> value, by PyYAML's implicit resolvers and constructors."""

    def __init__(self) -> None:
        import yaml

        self._node = yaml.ScalarNode
        self._ctor = yaml.constructor.SafeConstructor()
        table = document_loader().yaml_implicit_resolvers
        self._by_first: dict[str, list[tuple[str, Any]]] = {k: v for k, v in table.items() if k is not None}
        if None in table:  # PyYAML has none; if a version adds some, every scalar takes the slow way
            raise RuntimeError("wildcard YAML resolvers are not supported by the plain reader")
        kinds = {"bool": "construct_yaml_bool", "int": "construct_yaml_int", "float": "construct_yaml_float"}
        self._construct: dict[str, Callable[[Any], Any]] = {
            f"tag:yaml.org,2002:{k}": getattr(self._ctor, m) for k, m in kinds.items()
        }
        self.cache: dict[str, Any] = {}

    def __call__(self, text: str) -> Any:
        try:
            return self.cache[text]
        except KeyError:
            pass
        value = self._resolve(text)
        if len(self.cache) > 50_000:
            self.cache.clear()
        self.cache[text] = value
        return value

    def _resolve(self, text: str) -> Any:
        rules = self._by_first.get(text[0])
        if rules is None:
            return text
        tag = next((tag for tag, rx in rules if rx.match(text)), None)
        if tag is None:
            return text
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:int" and _DECIMAL_INT.match(text):
            return int(text)
        if tag == "tag:yaml.org,2002:float" and _DECIMAL_FLOAT.match(text):
            return float(text)
        construct = self._construct.get(tag)
        if construct is None:  # merge keys (<<), value keys (=), ...
            raise _NotPlain
        return construct(self._node(tag, text))


@cache
def _resolver() -> _Resolver:
    return _Resolver()


# --- the plain reader ----------------------------------------------------------------------------

# Each line: its indent, "- " (a sequence item), a key before ":" (plain or quoted), the rest.
# A plain key holds no "#"; a line this does not fit (``- - a``, ``? a``) has no key, and the
# rest starts with an indicator, which the reader leaves to PyYAML.
_LINES: Final = re.compile(
    r"^( *+)(-(?: ++|$))?+"
    r"(?:((?:[^ \n'\"#\[\]{},&*!|>%@`?:-]|[-?:][^ \n#])(?:[^:#\n]++|:(?=[^ \n#]))*+"
    r"|'(?:[^'\n]|'')*+'|\"[^\"\\\n]*+\") *+:(?: ++|$))?"
    r"(.*)$",
    re.MULTILINE,
)
# Document markers and directives at the start of a line.
_MARKERS: Final = re.compile(r"^(?:---|\.\.\.)(?=[ \n]|\Z)[^\n]*|^%", re.MULTILINE)
_CONTENT: Final = re.compile(r"^ *[^ #\n]", re.MULTILINE)
_MISSING: Final = object()


def plain_documents(text: str) -> list[Any] | None:
    """The documents of ``text`` if it is plain YAML (see the module docstring), else None.

    Empty documents are left out. Where it gives documents, they equal PyYAML's
    ``load_all(text, Loader=document_loader())`` without its ``None`` documents.
    """
    if (_UNUSUAL_ASCII if text.isascii() else _UNUSUAL).search(text):
        return None
    pieces: list[str] = []  # the text of each document
    start = 0
    open_ = True  # content may come (no "..." since the last "---")
    for m in _MARKERS.finditer(text):
        mark = m.group()
        rest = mark[3:].lstrip(" ")
        if mark[0] == "%" or (rest and rest[0] != "#"):
            return None  # a directive, or content after a marker
        if open_:
            if mark[0] == "." and not pieces and not _CONTENT.search(text, start, m.start()):
                return None  # "..." before any document
            pieces.append(text[start : m.start()])
        elif text[start : m.start()].strip("\n "):
            return None  # content after "..." without a new "---"
        start = m.end()
        open_ = mark[0] == "-"
    if open_:
        pieces.append(text[start:])
    elif text[start:].strip("\n "):
        return None
    out = []
    resolver = _resolver()
    try:
        for piece in pieces:
            # Content lines only: an item, a key, or a value that is not a comment.
            rows = [r for r in _LINES.findall(piece) if r[1] or r[2] or (r[3] and r[3][0] != "#")]
            if " \n" in piece or piece.endswith(" "):  # trailing spaces are not part of a value
                rows = [(a, b, c, d.rstrip(" ")) for a, b, c, d in rows]
            if rows:
                doc = _Plain(rows, resolver).document()
                if doc is not None:
                    out.append(doc)
    except _NotPlain:
        return None
    return out


class _Plain:
    """Builds a document from its content lines (see ``_LINES``), or raises ``_NotPlain``."""

    __slots__ = ("cache", "end", "pos", "resolver", "rows")

    def __init__(self, rows: list[tuple[str, str, str, str]], resolver: _Resolver) -> None:
        self.rows = rows  # indents are strings of spaces: they compare as their lengths do
        self.resolver = resolver
        self.cache = resolver.cache
        self.pos = 0
        self.end = len(rows)

    def document(self) -> Any:
        value = self.node(0)
        if self.pos != self.end:
            raise _NotPlain
        return value

    def node(self, depth: int) -> Any:
        """The block mapping or sequence starting at the current line (its indent is the node's)."""
        ind, dash, key, _ = self.rows[self.pos]
        if depth >= MAX_DEPTH:
            raise _NotPlain
        if dash:
            return self.sequence(ind, depth)
        if key:
            return self.mapping(ind, depth)
        raise _NotPlain  # a bare scalar: a multi-line one, or a document that is one scalar

    def scalar(self, val: str) -> Any:
        """A plain scalar written on one line (comment and all)."""
        if "#" in val:
            i = val.find(" #")
            if i >= 0:
                val = val[:i].rstrip(" ")
        if ": " in val or val[-1] == ":":
            raise _NotPlain  # a mapping where none may be
        v = self.cache.get(val, _MISSING)
        return self.resolver(val) if v is _MISSING else v

    def mapping(self, indent: str, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        rows, end, cache = self.rows, self.end, self.cache
        pos = self.pos
        while pos < end:
            ind, dash, key, val = rows[pos]
            if ind != indent:
                if ind > indent:
                    raise _NotPlain
                break
            if dash or not key:
                raise _NotPlain
            if key[-1] == " ":
                key = key.rstrip(" ")
            c = key[0]
            if c == "'":
                k: Any = key[1:-1].replace("''", "'")
            elif c == '"':
                k = key[1:-1]
            else:
                k = cache.get(key, _MISSING)
                if k is _MISSING:
                    k = self.resolver(key)
            pos += 1
            if not val or val[0] == "#":
                value: Any = None
                if pos < end:
                    nxt = rows[pos]
                    if nxt[0] > indent:
                        self.pos = pos
                        value = self.node(depth + 1)
                        pos = self.pos
                    elif nxt[0] == indent and nxt[1]:
                        self.pos = pos
                        value = self.sequence(indent, depth + 1)  # an indentless sequence
                        pos = self.pos
            else:
                if val[0] in _INDICATORS:
                    self.pos = pos
                    value = self.inline(val, indent, depth + 1)
                    pos = self.pos
                elif "#" in val or ": " in val or val[-1] == ":":
                    value = self.scalar(val)
                else:
                    value = cache.get(val, _MISSING)
                    if value is _MISSING:
                        value = self.resolver(val)
                if pos < end and rows[pos][0] > indent:
                    raise _NotPlain  # a multi-line scalar, or a mapping where none may be
            out[k] = value
        self.pos = pos
        return out

    def sequence(self, indent: str, depth: int) -> list[Any]:
        out: list[Any] = []
        rows, end = self.rows, self.end
        pos = self.pos
        while pos < end:
            ind, dash, key, val = rows[pos]
            if ind != indent or not dash:
                if ind > indent:
                    raise _NotPlain
                break
            if key:  # "- key: value": a mapping at the key's column
                col = ind + " " * len(dash)
                rows[pos] = (col, "", key, val)
                self.pos = pos
                out.append(self.mapping(col, depth + 1))
                pos = self.pos
                continue
            pos += 1
            if not val or val[0] == "#":
                if pos < end and rows[pos][0] > indent:
                    self.pos = pos
                    out.append(self.node(depth + 1))
                    pos = self.pos
                else:
                    out.append(None)
                continue
            if val[0] in _INDICATORS:
                self.pos = pos
                out.append(self.inline(val, indent, depth + 1))
                pos = self.pos
            else:
                out.append(self.scalar(val))
            if pos < end and rows[pos][0] > indent:
                raise _NotPlain
        self.pos = pos
        return out

    def inline(self, val: str, parent: str, depth: int) -> Any:
        """A value after ``key:`` or ``-`` that starts with an indicator character."""
        c = val[0]
        if c == "'" or c == '"':
            m = (_SINGLE if c == "'" else _DOUBLE).match(val)
            if m is None:
                raise _NotPlain  # multi-line, or escapes
            _comment_only(val, m.end())
            return m.group(1).replace("''", "'") if c == "'" else m.group(1)
        if c == "[":
            return self.flow(val, parent, depth)
        if c == "{":
            i = val.find("}")
            if i < 0 or val[1:i].strip(" "):
                raise _NotPlain  # only empty flow mappings are plain
            _comment_only(val, i + 1)
            return {}
        if c in "-?:" and len(val) > 1 and val[1] != " ":
            return self.scalar(val)  # "-5", "-a", ":a" are plain scalars
        raise _NotPlain  # anchors, aliases, tags, block scalars, reserved characters

    def flow(self, val: str, parent: str, depth: int) -> list[Any]:
        """A flow sequence, joined with the lines it goes on over (indented under its parent)."""
        parts = [val]
        level = val.count("[") - val.count("]")
        rows, end = self.rows, self.end
        while level > 0:
            if self.pos >= end:
                raise _NotPlain
            ind, dash, key, more = rows[self.pos]
            if ind <= parent or dash or key:
                raise _NotPlain
            self.pos += 1
            parts.append(more)
            level += more.count("[") - more.count("]")
        text = "\n".join(parts) if len(parts) > 1 else val
        if "#" in text:
            if "'" in text or '"' in text or len(parts) > 1:
                raise _NotPlain
            i = text.find(" #")
            if i < 0:
                raise _NotPlain
            text = text[:i].rstrip(" ")
        if _JSON_NUMBERS.match(text):
            import orjson

            try:
                value = orjson.loads(text)
            except orjson.JSONDecodeError:
                pass
            else:
                if isinstance(value, list):
                    if text.count("[") + depth > MAX_DEPTH and _depth(value) + depth > MAX_DEPTH:
                        raise _NotPlain
                    return value
        return _flow_tokens(text, self.resolver, depth)


def _comment_only(s: str, i: int) -> None:
    """Nothing but spaces and a comment may follow a closed scalar."""
    rest = s[i:]
    if rest and not (rest[0] == " " and rest.lstrip(" ").startswith("#")):
        raise _NotPlain


def _flow_tokens(text: str, resolve: _Resolver, depth: int) -> list[Any]:
    """A flow sequence of flow sequences and one-line scalars; anything else is not plain."""
    stack: list[list[Any]] = []
    top: list[Any] = []
    out: list[Any] | None = None
    expect_item = True  # after "[" or ",": an item or "]"; after an item: "," or "]"
    pos = 0
    n = len(text)
    while pos < n:
        m = _FLOW_TOKEN.match(text, pos)
        if m is None or out is not None:
            if text[pos:].strip(" \n"):
                raise _NotPlain
            break
        pos = m.end()
        opened, closed, comma, single, double, plain = m.groups()
        if opened:
            if stack and not expect_item:
                raise _NotPlain
            if len(stack) + depth >= MAX_DEPTH:
                raise _NotPlain
            new: list[Any] = []
            if stack:
                top.append(new)
            stack.append(new)
            top = new
            expect_item = True
        elif closed:
            if not stack:
                raise _NotPlain
            done = stack.pop()
            if not stack:
                out = done
            else:
                top = stack[-1]
            expect_item = False
        elif comma:
            if not stack or expect_item:
                raise _NotPlain
            expect_item = True
        else:
            if not stack or not expect_item:
                raise _NotPlain
            if single is not None:
                top.append(single.replace("''", "'"))
            elif double is not None:
                top.append(double)
            else:
                top.append(resolve(plain.rstrip(" ")))
            expect_item = False
    if out is None or stack:
        raise _NotPlain
    return out


def _depth(value: Any) -> int:
    """Nesting depth of lists and dicts (1 for a flat one), without recursion."""
    deepest = 0
    todo = [(value, 1)]
    while todo:
        v, d = todo.pop()
        if isinstance(v, dict):
            v = list(v.values())
        if isinstance(v, list):
            deepest = max(deepest, d)
            todo.extend((x, d + 1) for x in v if isinstance(x, list | dict))
    return deepest


# --- every document: the plain reader, else PyYAML with bounds -----------------------------------


def load_documents(text: str, *, where: str) -> list[Any]:
    """The documents of a YAML text (empty ones left out), as PyYAML's safe loader reads them.

    Parameters
    ----------
    text
        The YAML text.
    where
        Names the text (a file) in error messages.

    Raises
    ------
    DocumentError
        The text is not YAML, nests deeper than :data:`MAX_DEPTH`, or has aliases that expand
        it beyond :data:`MAX_ALIAS_NODES` nodes and twice its written size.
    """
    docs = plain_documents(text)
    if docs is not None:
        return docs
    return _pyyaml_documents(text, where)


def _pyyaml_documents(text: str, where: str) -> list[Any]:
    import yaml

    # libyaml's composer recurses in C and crashes the process on deep nesting; texts that
    # could nest deeply go to the Python parser, which raises RecursionError instead.
    loader_cls = document_loader() if _nesting_bound(text) <= 500 else _python_loader()
    loader = loader_cls(text)
    out: list[Any] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            _check_node(node, where)
            doc = loader.construct_document(node)
            if doc is not None:
                out.append(doc)
    except RecursionError:
        raise DocumentError(
            f"cannot parse {where}: nested more than {MAX_DEPTH} levels deep", doc=where
        ) from None
    except yaml.YAMLError as e:
        raise DocumentError(f"cannot parse {where}: {e}", doc=where) from e
    finally:
        loader.dispose()
    return out


# A nesting level needs a bracket, or a "-", "?" or ":" indicator followed by white space.
_LEVELS: Final = re.compile(r"[\[{]|[-?:](?=[\s\x85\u2028\u2029]|\Z)")


def _nesting_bound(text: str) -> int:
    """An upper bound of how deep the text's nodes can nest (it over-counts, never under)."""
    return len(_LEVELS.findall(text))


def _check_node(root: Any, where: str) -> None:
    """Refuse a composed document that nests too deep or whose aliases expand it too far."""
    import yaml

    # Post-order walk without recursion; each node once, however many aliases name it.
    sizes: dict[int, int] = {}  # id(node) -> nodes it stands for, aliases expanded
    heights: dict[int, int] = {}  # id(node) -> levels below and including it
    todo: list[tuple[Any, bool]] = [(root, False)]
    while todo:
        node, done = todo.pop()
        key = id(node)
        if done:
            children = _children(node, yaml)
            if any(id(c) not in heights for c in children):
                raise DocumentError(
                    f"cannot read {where}: an alias refers to a node that holds it", doc=where
                )
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            heights[key] = 1 + max((heights[id(c)] for c in children), default=0)
            if heights[key] > MAX_DEPTH:
                raise DocumentError(
                    f"cannot read {where}: nested more than {MAX_DEPTH} levels deep", doc=where
                )
            continue
        if key in sizes:
            continue
        sizes[key] = 0  # in progress
        todo.append((node, True))
        todo.extend((c, False) for c in _children(node, yaml) if id(c) not in sizes)
    expanded, written = sizes[id(root)], len(sizes)
    if expanded > MAX_ALIAS_NODES and expanded > 2 * written:
        raise DocumentError(
            f"cannot read {where}: its aliases expand it to {expanded:,} nodes from {written:,} "
            f"written (more than {MAX_ALIAS_NODES:,}); write the values out, or remove the aliases",
            doc=where,
        )


def _children(node: Any, yaml: Any) -> list[Any]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
