"""Scalar functions (by lower-case name) and the names of the aggregating ones.

Every scalar function returns null for a null argument where Neo4j does, and raises a
CypherSemanticError ("type mismatch") for an argument of the wrong type.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from datetime import date as _date
from datetime import timedelta
from typing import Any

from polgraph.cypher.limits import current_budget
from polgraph.cypher.values import Date, Node, Path, Rel, render, type_name
from polgraph.exceptions import CypherSemanticError

__all__ = ["AGGREGATES", "ARITY", "FUNCTIONS", "UNSUPPORTED_FUNCTIONS", "type_error"]

AGGREGATES = {"count", "collect", "sum", "avg", "min", "max", "stdev", "stdevp", "percentilecont", "percentiledisc"}


def type_error(fn: str, value: Any, expected: str) -> CypherSemanticError:
    return CypherSemanticError(f"type mismatch: {fn}() expected {expected}, got {type_name(value)} {render(value)}")


def _nullsafe(fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(*args: Any) -> Any:
        if args and args[0] is None:
            return None
        return fn(*args)

    return wrapped


def _str_arg(name: str, v: Any) -> str:
    if type(v) is not str:
        raise type_error(name, v, "a string")
    return v


def _int_arg(name: str, v: Any) -> int:
    if type(v) is not int:
        raise type_error(name, v, "an integer")
    return v


def _size(v: Any) -> Any:
    if type(v) in (str, list):
        return len(v)
    if type(v) is Path:
        return len(v.rels)
    raise type_error("size", v, "a string or a list")


def _length(v: Any) -> Any:
    if type(v) is Path:
        return len(v.rels)
    if type(v) in (str, list):  # Neo4j 4 allowed these; kept for old queries
        return len(v)
    raise type_error("length", v, "a path")


def _type(v: Any) -> Any:
    if type(v) is not Rel:
        raise type_error("type", v, "a relationship")
    return v.type


def _labels(v: Any) -> Any:
    if type(v) is not Node:
        raise type_error("labels", v, "a node")
    return v.labels


def _id(v: Any) -> Any:
    if type(v) is Node:
        return v.id
    if type(v) is Rel:
        return v.key
    raise type_error("id", v, "a node or a relationship")


def _element_id(v: Any) -> Any:
    return str(_id(v))


def _keys(v: Any) -> Any:
    if type(v) in (Node, Rel):
        return list(v.properties().keys())
    if type(v) is dict:
        return list(v.keys())
    raise type_error("keys", v, "a node, a relationship or a map")


def _properties(v: Any) -> Any:
    if type(v) in (Node, Rel):
        return v.properties()
    if type(v) is dict:
        return dict(v)
    raise type_error("properties", v, "a node, a relationship or a map")


def _nodes(v: Any) -> Any:
    if type(v) is not Path:
        raise type_error("nodes", v, "a path")
    return list(v.nodes)


def _relationships(v: Any) -> Any:
    if type(v) is not Path:
        raise type_error("relationships", v, "a path")
    return list(v.rels)


def _start_node(v: Any) -> Any:
    if type(v) is not Rel:
        raise type_error("startNode", v, "a relationship")
    return Node(v.graph, v.start)


def _end_node(v: Any) -> Any:
    if type(v) is not Rel:
        raise type_error("endNode", v, "a relationship")
    return Node(v.graph, v.end)


def _coalesce(*args: Any) -> Any:
    for a in args:
        if a is not None:
            return a
    return None


def _list_arg(name: str, v: Any) -> list[Any]:
    if type(v) is not list:
        raise type_error(name, v, "a list")
    return v


def _head(v: Any) -> Any:
    v = _list_arg("head", v)
    return v[0] if v else None


def _last(v: Any) -> Any:
    v = _list_arg("last", v)
    return v[-1] if v else None


def _tail(v: Any) -> Any:
    return _list_arg("tail", v)[1:]


def _reverse(v: Any) -> Any:
    if type(v) is str:
        return v[::-1]
    return _list_arg("reverse", v)[::-1]


def _range(start: Any, end: Any, step: Any = 1) -> Any:
    for name, x in (("start", start), ("end", end), ("step", step)):
        if type(x) is not int:
            raise type_error("range", x, f"an integer {name}")
    if step == 0:
        raise CypherSemanticError("range(): step must not be zero")
    numbers = range(start, end + (1 if step > 0 else -1), step)
    current_budget().check_size(len(numbers), "range()")
    return list(numbers)


def _to_string(v: Any) -> Any:
    t = type(v)
    if t is str:
        return v
    if t is bool:
        return "true" if v else "false"
    if t in (int, float, Date):
        return render(v)
    raise type_error("toString", v, "a string, number, boolean or temporal value")


def _to_string_or_null(v: Any) -> Any:
    try:
        return _to_string(v)
    except CypherSemanticError:
        return None


_INT_RE = re.compile(r"^\s*[-+]?\d+\s*$")


def _to_integer(v: Any) -> Any:
    t = type(v)
    if t is int:
        return v
    if t is float:
        if math.isnan(v) or math.isinf(v):
            return None
        return int(v)  # truncates toward zero, like Java
    if t is bool:
        return 1 if v else 0
    if t is str:
        if _INT_RE.match(v):
            return int(v)
        try:
            f = float(v)
        except ValueError:
            return None
        return None if math.isnan(f) or math.isinf(f) else int(f)
    raise type_error("toInteger", v, "a string, number or boolean")


def _to_float(v: Any) -> Any:
    t = type(v)
    if t is float:
        return v
    if t is int:
        return float(v)
    if t is str:
        try:
            return float(v.strip())
        except ValueError:
            return None
    raise type_error("toFloat", v, "a string or number")


def _to_boolean(v: Any) -> Any:
    t = type(v)
    if t is bool:
        return v
    if t is str:
        s = v.strip().lower()
        return True if s == "true" else False if s == "false" else None
    if t is int:
        return v != 0
    raise type_error("toBoolean", v, "a string, integer or boolean")


def _or_null(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def wrapped(v: Any) -> Any:
        try:
            return fn(v)
        except CypherSemanticError:
            return None

    return wrapped


def _substring(s: Any, start: Any, length: Any = None) -> Any:
    s = _str_arg("substring", s)
    start = _int_arg("substring", start)
    if start < 0:
        raise CypherSemanticError("substring(): start must not be negative")
    if length is None:
        return s[start:]
    length = _int_arg("substring", length)
    if length < 0:
        raise CypherSemanticError("substring(): length must not be negative")
    return s[start:start + length]


def _left(s: Any, n: Any) -> Any:
    if s is None:
        return None
    n = _int_arg("left", n)
    if n < 0:
        raise CypherSemanticError("left(): length must not be negative")
    return _str_arg("left", s)[:n]


def _right(s: Any, n: Any) -> Any:
    if s is None:
        return None
    n = _int_arg("right", n)
    if n < 0:
        raise CypherSemanticError("right(): length must not be negative")
    s = _str_arg("right", s)
    return s[len(s) - n:] if n else ""


def _split(s: Any, sep: Any) -> Any:
    if s is None or sep is None:
        return None
    s, sep = _str_arg("split", s), _str_arg("split", sep)
    if sep == "":
        return list(s)
    return s.split(sep)


def _replace(s: Any, old: Any, new: Any) -> Any:
    if s is None or old is None or new is None:
        return None
    s, old, new = _str_arg("replace", s), _str_arg("replace", old), _str_arg("replace", new)
    times = s.count(old) if old else len(s) + 1
    current_budget().check_size(len(s) + times * (len(new) - len(old)), "replace()")
    return s.replace(old, new)


_NO_ARG = object()
_DATE_FORMATS = [  # ISO 8601 forms Neo4j reads, besides YYYY-MM-DD
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), lambda m: _date(int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"^(\d{4})-?(\d{2})$"), lambda m: _date(int(m[1]), int(m[2]), 1)),
    (re.compile(r"^(\d{4})$"), lambda m: _date(int(m[1]), 1, 1)),
    (re.compile(r"^(\d{4})-?W(\d{2})-?(\d)?$"),
     lambda m: _date.fromisocalendar(int(m[1]), int(m[2]), int(m[3] or 1))),
    (re.compile(r"^(\d{4})-?(\d{3})$"), lambda m: _date(int(m[1]), 1, 1) + timedelta(days=int(m[2]) - 1)),
    (re.compile(r"^(\d{4})-?Q(\d)$"), lambda m: _date(int(m[1]), 3 * int(m[2]) - 2, 1)),
]


def _date_fn(v: Any = _NO_ARG) -> Any:
    if v is _NO_ARG:
        return Date(_date.today())
    if v is None:
        return None
    if type(v) is Date:
        return v
    if type(v) is str:
        text = v.strip()
        try:
            return Date(_date.fromisoformat(text))
        except ValueError:
            pass
        for pattern, build in _DATE_FORMATS:
            m = pattern.match(text)
            if m:
                try:
                    return Date(build(m))
                except ValueError:
                    break
        raise CypherSemanticError(f"date(): cannot parse {v!r} as a date")
    if type(v) is dict:
        try:
            return Date(_date_from_map(v))
        except (KeyError, ValueError, TypeError, OverflowError):
            raise CypherSemanticError(f"date(): cannot build a date from {render(v)}") from None
    raise type_error("date", v, "a string or a map")


def _date_from_map(v: dict[str, Any]) -> _date:
    base: _date | None = v["date"].value if type(v.get("date")) is Date else None
    if base is not None and "year" not in v:
        # take the unspecified parts from the base date, in the form the map uses
        if "week" in v or "dayOfWeek" in v:
            y, w, dow = base.isocalendar()
            return _date.fromisocalendar(y, int(v.get("week", w)), int(v.get("dayOfWeek", dow)))
        if "ordinalDay" in v:
            return _date(base.year, 1, 1) + timedelta(days=int(v["ordinalDay"]) - 1)
        if "quarter" in v or "dayOfQuarter" in v:
            q = int(v.get("quarter", (base.month - 1) // 3 + 1))
            doq = int(v.get("dayOfQuarter", (base - _date(base.year, (base.month - 1) // 3 * 3 + 1, 1)).days + 1))
            return _date(base.year, 3 * q - 2, 1) + timedelta(days=doq - 1)
        return _date(base.year, int(v.get("month", base.month)), int(v.get("day", base.day)))
    year = int(v["year"])
    if "week" in v:
        return _date.fromisocalendar(year, int(v["week"]), int(v.get("dayOfWeek", 1)))
    if "ordinalDay" in v:
        return _date(year, 1, 1) + timedelta(days=int(v["ordinalDay"]) - 1)
    if "quarter" in v:
        start = _date(year, 3 * (int(v["quarter"]) - 1) + 1, 1)
        return start + timedelta(days=int(v.get("dayOfQuarter", 1)) - 1)
    if base is not None:
        return _date(year, int(v.get("month", base.month)), int(v.get("day", base.day)))
    return _date(year, int(v.get("month", 1)), int(v.get("day", 1)))


def _num_arg(name: str, v: Any) -> Any:
    if type(v) not in (int, float):
        raise type_error(name, v, "a number")
    return v


def _math1(name: str, fn: Callable[[float], float]) -> Callable[[Any], Any]:
    def wrapped(v: Any) -> Any:
        if v is None:
            return None
        try:
            return fn(float(_num_arg(name, v)))
        except (ValueError, OverflowError):
            return math.nan
    return wrapped


def _abs(v: Any) -> Any:
    return abs(_num_arg("abs", v))


def _round(v: Any, precision: Any = None) -> Any:
    v = _num_arg("round", v)
    if precision is None:
        return float(math.floor(v + 0.5)) if not math.isnan(v) and not math.isinf(v) else float(v)
    p = _int_arg("round", precision)
    factor = 10 ** p
    return math.floor(v * factor + 0.5) / factor


def _sign(v: Any) -> Any:
    v = _num_arg("sign", v)
    return (v > 0) - (v < 0)


def _is_empty(v: Any) -> Any:
    if type(v) in (str, list, dict):
        return len(v) == 0
    raise type_error("isEmpty", v, "a string, list or map")


def _trim(name: str, how: Callable[[str], str]) -> Callable[[Any], Any]:
    return _nullsafe(lambda v: how(_str_arg(name, v)))


def _exists(v: Any) -> Any:
    return v is not None


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "size": _nullsafe(_size),
    "length": _nullsafe(_length),
    "type": _nullsafe(_type),
    "labels": _nullsafe(_labels),
    "id": _nullsafe(_id),
    "elementid": _nullsafe(_element_id),
    "keys": _nullsafe(_keys),
    "properties": _nullsafe(_properties),
    "nodes": _nullsafe(_nodes),
    "relationships": _nullsafe(_relationships),
    "startnode": _nullsafe(_start_node),
    "endnode": _nullsafe(_end_node),
    "coalesce": _coalesce,
    "head": _nullsafe(_head),
    "last": _nullsafe(_last),
    "tail": _nullsafe(_tail),
    "reverse": _nullsafe(_reverse),
    "range": _range,
    "tolower": _trim("toLower", str.lower),
    "toupper": _trim("toUpper", str.upper),
    "trim": _trim("trim", str.strip),
    "ltrim": _trim("ltrim", str.lstrip),
    "rtrim": _trim("rtrim", str.rstrip),
    "split": _split,
    "substring": _nullsafe(_substring),
    "left": _left,
    "right": _right,
    "replace": _replace,
    "tostring": _nullsafe(_to_string),
    "tostringornull": _nullsafe(_to_string_or_null),
    "tointeger": _nullsafe(_to_integer),
    "tointegerornull": _nullsafe(_or_null(_to_integer)),
    "tofloat": _nullsafe(_to_float),
    "tofloatornull": _nullsafe(_or_null(_to_float)),
    "toboolean": _nullsafe(_to_boolean),
    "tobooleanornull": _nullsafe(_or_null(_to_boolean)),
    "date": _date_fn,
    "exists": _exists,
    "abs": _nullsafe(_abs),
    "ceil": _math1("ceil", lambda x: float(math.ceil(x))),
    "floor": _math1("floor", lambda x: float(math.floor(x))),
    "round": _nullsafe(_round),
    "sign": _nullsafe(_sign),
    "sqrt": _math1("sqrt", lambda x: math.sqrt(x) if x >= 0 else math.nan),
    "exp": _math1("exp", math.exp),
    "log": _math1("log", lambda x: math.log(x) if x > 0 else (-math.inf if x == 0 else math.nan)),
    "log10": _math1("log10", lambda x: math.log10(x) if x > 0 else (-math.inf if x == 0 else math.nan)),
    "sin": _math1("sin", math.sin),
    "cos": _math1("cos", math.cos),
    "tan": _math1("tan", math.tan),
    "e": lambda: math.e,
    "rand": lambda: random.random(),
    "pi": lambda: math.pi,
    "isempty": _nullsafe(_is_empty),
    "valuetype": lambda v: type_name(v),
}

# Neo4j functions the embedded engine knows of but does not provide: UnsupportedQuery, not "unknown".
UNSUPPORTED_FUNCTIONS = {
    "datetime", "localdatetime", "time", "localtime", "duration", "point", "distance", "point.distance",
    "date.truncate", "datetime.truncate", "duration.between", "duration.inmonths", "duration.indays",
    "duration.inseconds", "datetime.fromepoch", "datetime.fromepochmillis", "date.statement",
    "date.transaction", "date.realtime", "randomuuid", "timestamp", "atan2", "asin", "acos", "atan",
    "cot", "degrees", "radians", "haversin", "normalize", "char_length", "character_length",
}

# (min, max) argument counts; max None: any number.
ARITY: dict[str, tuple[int, int | None]] = {
    "coalesce": (1, None), "range": (2, 3), "substring": (2, 3), "split": (2, 2), "replace": (3, 3),
    "left": (2, 2), "right": (2, 2), "date": (0, 1), "round": (1, 2), "e": (0, 0), "pi": (0, 0), "rand": (0, 0),
    "count": (1, 1), "collect": (1, 1), "sum": (1, 1), "avg": (1, 1), "min": (1, 1), "max": (1, 1),
    "stdev": (1, 1), "stdevp": (1, 1), "percentilecont": (2, 2), "percentiledisc": (2, 2),
}
