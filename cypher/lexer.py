"""Cypher tokens: each with its kind, value, and where it starts (offset, line, column)."""

from __future__ import annotations

from dataclasses import dataclass

from polgraph.exceptions import CypherSyntaxError

__all__ = ["Token", "tokenize"]

# Longest first, so that `<=` is not read as `<` `=`.
_PUNCT = ("..", "<=", ">=", "<>", "!=", "=~", "+=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|",
          "+", "-", "*", "/", "%", "^", "=", "<", ">", ";")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "'": "'", '"': '"', "\\": "\\"}


@dataclass(frozen=True)
class Token:
    kind: str  # "ident", "quoted" (backticked name), "int", "float", "string", "param", "punct", "eof"
    value: object
    start: int  # offset of the first character
    end: int  # offset after the last character
    line: int
    column: int

    @property
    def upper(self) -> str:
        """The keyword this token could be (identifiers only), else ""."""
        return self.value.upper() if self.kind == "ident" else ""  # type: ignore[union-attr]

    def describe(self) -> str:
        if self.kind == "eof":
            return "end of input"
        if self.kind == "string":
            return f"string {self.value!r}"
        if self.kind == "param":
            return f"'${self.value}'"
        return f"'{self.value}'"


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    line, line_start = 1, 0

    def fail(msg: str, at: int) -> CypherSyntaxError:
        ln = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        return CypherSyntaxError(msg, ln, col)

    while i < n:
        c = text[i]
        if c == "\n":
            line, line_start = line + 1, i + 1
            i += 1
            continue
        if c.isspace():
            i += 1
            continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise fail("unterminated comment", i)
            line += text.count("\n", i, j)
            if "\n" in text[i:j]:
                line_start = text.rfind("\n", i, j) + 1
            i = j + 2
            continue
        start, col = i, i - line_start + 1
        if c.isalpha() or c == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(Token("ident", text[i:j], start, j, line, col))
            i = j
            continue
        if c == "`":
            j = i + 1
            buf = []
            while True:
                if j >= n:
                    raise fail("unterminated `quoted name`", i)
                if text[j] == "`":
                    if j + 1 < n and text[j + 1] == "`":  # `` inside a quoted name is one backtick
                        buf.append("`")
                        j += 2
                        continue
                    break
                buf.append(text[j])
                j += 1
            tokens.append(Token("quoted", "".join(buf), start, j + 1, line, col))
            i = j + 1
            continue
        if _is_digit(c) or (c == "." and i + 1 < n and _is_digit(text[i + 1]) and _number_may_follow(tokens)):
            i = _number(text, i, tokens, line, col, fail)
            continue
        if c in "'\"":
            j = i + 1
            buf = []
            start_line = line  # a string may span lines: it is reported where it starts
            while True:
                if j >= n:
                    raise fail("unterminated string literal", i)
                ch = text[j]
                if ch == c:
                    break
                if ch == "\\":
                    if j + 1 >= n:
                        raise fail("unterminated string literal", i)
                    e = text[j + 1]
                    if e in _ESCAPES:
                        buf.append(_ESCAPES[e])
                        j += 2
                        continue
                    if e in "uU":
                        width = 4 if e == "u" else 8
                        hexd = text[j + 2:j + 2 + width]
                        if len(hexd) != width or any(h not in "0123456789abcdefABCDEF" for h in hexd):
                            raise fail("invalid unicode escape in string literal", j)
                        buf.append(chr(int(hexd, 16)))
                        j += 2 + width
                        continue
                    raise fail(f"invalid escape sequence '\\{e}' in string literal", j)
                if ch == "\n":
                    line, line_start = line + 1, j + 1
                buf.append(ch)
                j += 1
            tokens.append(Token("string", "".join(buf), start, j + 1, start_line, col))
            i = j + 1
            continue
        if c == "$":
            j = i + 1
            if j < n and text[j] == "`":
                k = text.find("`", j + 1)
                if k < 0:
                    raise fail("unterminated `quoted name`", j)
                tokens.append(Token("param", text[j + 1:k], start, k + 1, line, col))
                i = k + 1
                continue
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            if j == i + 1:
                raise fail("expected a parameter name after '$'", i)
            tokens.append(Token("param", text[i + 1:j], start, j, line, col))
            i = j
            continue
        for p in _PUNCT:
            if text.startswith(p, i):
                tokens.append(Token("punct", p, start, i + len(p), line, col))
                i += len(p)
                break
        else:
            raise fail(f"unexpected character {c!r}", i)
    tokens.append(Token("eof", None, n, n, line, n - line_start + 1))
    return tokens


def _is_digit(c: str) -> bool:
    """0-9 only: ``str.isdigit`` also takes "³" and "¹", which no number is written with."""
    return "0" <= c <= "9"


_KEYWORDS_BEFORE_VALUE = {"RETURN", "WITH", "AND", "OR", "XOR", "NOT", "IN", "WHERE", "WHEN", "THEN", "ELSE",
                          "CASE", "SKIP", "LIMIT", "UNWIND", "CONTAINS", "BY", "DISTINCT"}


def _number_may_follow(tokens: list[Token]) -> bool:
    """Is a '.' here the start of a number like .5 (not a property access)?"""
    if not tokens:
        return True
    last = tokens[-1]
    if last.kind == "ident":
        return last.value.upper() in _KEYWORDS_BEFORE_VALUE
    if last.kind in ("quoted", "int", "float", "string", "param"):
        return False
    return last.value not in (")", "]", "}")


def _number(text: str, i: int, tokens: list[Token], line: int, col: int, fail) -> int:  # type: ignore[no-untyped-def]
    n = len(text)
    start = i
    if text.startswith(("0x", "0X"), i):
        j = i + 2
        while j < n and (text[j].isalnum() or text[j] == "_"):
            j += 1
        try:
            value = int(text[i + 2:j], 16)
        except ValueError:
            raise fail(f"invalid hexadecimal integer {text[i:j]!r}", i) from None
        tokens.append(Token("int", value, start, j, line, col))
        return j
    if text.startswith(("0o", "0O"), i):
        j = i + 2
        while j < n and (text[j].isalnum() or text[j] == "_"):
            j += 1
        try:
            value = int(text[i + 2:j], 8)
        except ValueError:
            raise fail(f"invalid octal integer {text[i:j]!r}", i) from None
        tokens.append(Token("int", value, start, j, line, col))
        return j
    j = i
    while j < n and _is_digit(text[j]):
        j += 1
    is_float = False
    if j < n and text[j] == "." and j + 1 < n and _is_digit(text[j + 1]):
        is_float = True
        j += 1
        while j < n and _is_digit(text[j]):
            j += 1
    if j < n and text[j] in "eE":
        k = j + 1
        if k < n and text[k] in "+-":
            k += 1
        if k < n and _is_digit(text[k]):
            is_float = True
            j = k
            while j < n and _is_digit(text[j]):
                j += 1
    if j < n and (text[j].isalpha() or text[j] == "_"):
        while j < n and (text[j].isalnum() or text[j] == "_"):
            j += 1
        raise fail(f"invalid number {text[i:j]!r}", i)
    raw = text[i:j]
    if is_float:
        value = float(raw)
        if value == float("inf"):
            raise fail(f"floating point number {raw} is too large", i)
        tokens.append(Token("float", value, start, j, line, col))
    else:
        tokens.append(Token("int", int(raw), start, j, line, col))
    return j
