"""A small, safe formula language for indicator numerators and denominators (no eval).

Grammar::

    expr    := term (("+" | "-") term)*
    term    := factor (("*" | "/") factor)*
    factor  := ("+" | "-") factor | number | ref | call | "(" expr ")"
    ref     := "#{" code "}"            a data element, e.g. #{entry_reached}
    call    := ("max" | "min") "(" expr ("," expr)* ")"

Evaluation uses :class:`decimal.Decimal`. A data element without a value counts as 0;
division by zero gives "no value" (None), and "no value" propagates through every
operation and function, so a rate whose denominator is missing is missing, not 0.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext
from functools import lru_cache

from django.utils.translation import gettext as _

MAX_LENGTH = 500
MAX_DEPTH = 40
FUNCTIONS = ("max", "min")

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|#\{(?P<ref>[a-z0-9_\-]+)\}|(?P<name>[a-z]+)|(?P<op>[-+*/(),]))",
)


class FormulaError(ValueError):
    """A formula that cannot be read; the message (Vietnamese) says where."""


@dataclass(frozen=True)
class Num:
    value: Decimal


@dataclass(frozen=True)
class Ref:
    code: str


@dataclass(frozen=True)
class Neg:
    operand: "Node"


@dataclass(frozen=True)
class BinOp:
    op: str
    left: "Node"
    right: "Node"


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple["Node", ...]


Node = Num | Ref | Neg | BinOp | Call


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise FormulaError(
                _("Công thức có ký tự không hợp lệ ở vị trí %(pos)s: “%(near)s”.")
                % {"pos": pos + 1, "near": text[pos : pos + 10].strip()}
            )
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.depth = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise FormulaError(_("Công thức kết thúc đột ngột."))
        self.pos += 1
        return token

    def expect(self, op: str) -> None:
        if self.peek() is None:
            raise FormulaError(_("Công thức thiếu “%(op)s”.") % {"op": op})
        token = self.take()
        if token != ("op", op):
            raise FormulaError(
                _("Công thức thiếu “%(op)s” (gặp “%(got)s”).") % {"op": op, "got": token[1]}
            )

    def parse(self) -> Node:
        if not self.tokens:
            raise FormulaError(_("Công thức trống."))
        node = self.expr()
        if self.peek() is not None:
            raise FormulaError(_("Công thức thừa “%(got)s”.") % {"got": self.peek()[1]})
        return node

    def expr(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(_("Công thức lồng quá sâu."))
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            node = BinOp(op, node, self.term())
        self.depth -= 1
        return node

    def term(self) -> Node:
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            node = BinOp(op, node, self.factor())
        return node

    def factor(self) -> Node:
        kind, text = self.take()
        if kind == "op" and text in "+-":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise FormulaError(_("Công thức lồng quá sâu."))
            operand = self.factor()
            self.depth -= 1
            return operand if text == "+" else Neg(operand)
        if kind == "number":
            return Num(Decimal(text))
        if kind == "ref":
            return Ref(text)
        if kind == "name":
            if text not in FUNCTIONS:
                raise FormulaError(_("Hàm “%(name)s” không được hỗ trợ.") % {"name": text})
            self.expect("(")
            args = [self.expr()]
            while self.peek() == ("op", ","):
                self.take()
                args.append(self.expr())
            self.expect(")")
            return Call(text, tuple(args))
        if (kind, text) == ("op", "("):
            node = self.expr()
            self.expect(")")
            return node
        raise FormulaError(_("Công thức có “%(got)s” không đúng chỗ.") % {"got": text})


def formula_parse(text: str) -> Node:
    """The syntax tree of ``text``, or FormulaError."""
    if len(text or "") > MAX_LENGTH:
        raise FormulaError(_("Công thức dài quá %(n)s ký tự.") % {"n": MAX_LENGTH})
    return _parsed(text or "")


@lru_cache(maxsize=512)
def _parsed(text: str) -> Node:
    return _Parser(text).parse()


def formula_refs(text: str) -> list[str]:
    """The data element codes ``text`` refers to, in order of first use."""
    seen: list[str] = []

    def walk(node: Node) -> None:
        if isinstance(node, Ref) and node.code not in seen:
            seen.append(node.code)
        elif isinstance(node, Neg):
            walk(node.operand)
        elif isinstance(node, BinOp):
            walk(node.left)
            walk(node.right)
        elif isinstance(node, Call):
            for arg in node.args:
                walk(arg)

    walk(formula_parse(text))
    return seen


def formula_check(text: str, *, known: set[str]) -> None:
    """FormulaError unless ``text`` parses and refers only to codes in ``known``."""
    unknown = [code for code in formula_refs(text) if code not in known]
    if unknown:
        raise FormulaError(
            _("Công thức dùng phần tử dữ liệu không có: %(codes)s.") % {"codes": ", ".join(unknown)}
        )


def _eval(node: Node, values: Mapping[str, Decimal | None]) -> Decimal | None:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Ref):
        value = values.get(node.code)
        return Decimal(0) if value is None else Decimal(value)
    if isinstance(node, Neg):
        inner = _eval(node.operand, values)
        return None if inner is None else -inner
    if isinstance(node, Call):
        args = [_eval(arg, values) for arg in node.args]
        if any(arg is None for arg in args):
            return None
        return max(args) if node.name == "max" else min(args)
    left = _eval(node.left, values)
    right = _eval(node.right, values)
    if left is None or right is None:
        return None
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if right == 0:
        return None
    return left / right


def formula_evaluate(text: str, values: Mapping[str, Decimal | None]) -> Decimal | None:
    """The value of ``text`` with the data element values ``values`` (missing = 0), or
    None when it has no value (a division by zero somewhere)."""
    node = formula_parse(text)
    with localcontext() as ctx:
        ctx.prec = 28
        ctx.traps[DivisionByZero] = True
        ctx.traps[InvalidOperation] = True
        try:
            return _eval(node, values)
        except (DivisionByZero, InvalidOperation):
            return None


def formula_describe(text: str, *, name_of: Callable[[str], str]) -> str:
    """``text`` for reading on screen: each ``#{code}`` replaced by the element's name in
    brackets, functions named in Vietnamese, "*" as "×":
    "max(#{a} / #{b}, #{c})" → "số lớn hơn trong ([A] / [B]; [C])"."""
    described = re.sub(r"\bmax\(", _("số lớn hơn trong ("), text or "")
    described = re.sub(r"\bmin\(", _("số nhỏ hơn trong ("), described)
    described = re.sub(r"\s*,\s*", "; ", described).replace("*", "×")
    return re.sub(r"#\{([a-z0-9_\-]+)\}", lambda m: f"[{name_of(m.group(1))}]", described)
