"""Compiles a policy's controls into one Python function: the gate's pass path.

The gate's exact path asks each control in turn and builds a verdict per
control; most orders pass every control, and then the verdicts are all the
controls' constant pass verdicts. The screen decides such an order in one call,
without a call per control: the preparation of the order by the gate's general
path (reference data, the unit price, whether it reduces a position, the
cash-account and short-sale guards: `Policy._general`) spelt out, then the body
of each control's `passes()` (the one definition of its pass condition, which
the exact path runs too) inlined, with the control's attributes and the module
names it reads bound as closure constants (but for the control's private data,
its caches, read when the screen runs), `case.<field>` read as the local of that
name, and a `None` or boolean attribute folded away (`self.limit is None` is
True in the source, and the branch it guards is kept or dropped). An attribute
of the order or the view read more than once is read once, into a local, and a
sum or product two controls compute is computed once. When every control passes
it answers the policy's pass verdicts; a breach, a refusal or an exception hands
the order to the gate's general path, which refuses it or decides it from scratch.
Bound to the gate, it is `Policy.evaluate` itself for a policy without
origin-scoped rules.

No float fast path: float(Decimal) goes through a string (~0.3 us), more than
the Decimal multiply (~65 ns) and comparisons (~35 ns) it would replace. Nor a
compiled one (mypyc, Cython, numba): see docs/performance.md, "Compiled or not".
"""

from __future__ import annotations

import ast
import builtins
import inspect
import textwrap
from collections.abc import Callable, Container, Sequence
from functools import lru_cache
from typing import Protocol

from domain.numbers import ONE, ZERO
from domain.risk.controls.base import Case, Control
from domain.risk.pricing import unit_price
from domain.risk.verdicts import Decision, Verdict
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order, OrderType, Side

# The fields of a case, locals of the screen that a pass condition must never assign.
SCREEN_ARGS = Case._fields

Bind = Callable[[object], str]
"""Binds a value as a constant of the generated function and returns its name there."""


class Evaluate(Protocol):
    """A policy's decision on one order (`Policy.evaluate`)."""

    def __call__(
        self, order: Order, view: AccountRiskView, *, exact: bool = False, waive_holds: bool = False
    ) -> Decision: ...


class General(Protocol):
    """The gate's general path for one tuple of controls: refusals, then the exact path."""

    def __call__(self, order: Order, view: AccountRiskView, waive_holds: bool) -> Decision: ...


class Screen(Protocol):
    """The compiled screen, bound to the gate: an Evaluate that answers the order every control
    passes with `passes` (the controls' constant pass verdicts), and hands any other to `general`
    (so does `exact=True`)."""

    def __call__(self, general: General, passes: tuple[Verdict, ...]) -> Evaluate: ...


class ScreenSourceError(ValueError):
    """A control's pass condition cannot be inlined: it assigns an argument, or returns early."""


def compile_screen(controls: Sequence[Control]) -> tuple[Screen, str] | None:
    """One function for the whole tuple, and its source; None if a control has no pass condition."""
    values: list[object] = []

    def bind(value: object) -> str:
        values.append(value)
        return f"k{len(values) - 1}"

    lines: list[ast.stmt | str] = ["# the gate's preparation of the order (Policy._general)"]
    lines.extend(ast.parse(PREPARATION).body)  # a fresh tree: the hoisting rewrites it
    for control in controls:
        passes = type(control).passes
        if passes is Control.passes:
            return None  # e.g. a plug-in control: every order takes the exact path
        lines.append(f"# {control.name}")
        lines.extend(_inlined(control, passes, bind))
    lines, locals_ = _hoisted(lines)
    body = "\n".join(
        line if isinstance(line, str) else ast.unparse(_Breaks().visit(line))
        for line in _shared(lines, {*SCREEN_ARGS, *locals_})
    )
    constants = "".join(f", k{i}" for i in range(len(values)))
    source = (
        f"def factory(_general, _passes{constants}):\n"
        "    def evaluate(order, view, exact=False, waive_holds=False):\n"
        "        if not exact:\n"
        "            try:\n"
        "                while True:  # a `break` leaves it: the general path decides\n"
        + textwrap.indent(body, " " * 20)
        + "\n                    return _new(_Decision, (True, quantity, quantity, _passes))\n"
        "            except Exception:\n"
        "                pass  # the exact path runs the failing control again and reports it\n"
        "        return _general(order, view, waive_holds)\n"
        "    return evaluate\n"
    )
    factory = _factory(source)

    def screen(general: General, passes: tuple[Verdict, ...]) -> Evaluate:
        evaluate: Evaluate = factory(general, passes, *values)
        return evaluate

    return screen, source


class _Breaks(ast.NodeTransformer):
    """`return False` (a breach, or an order the gate must refuse) leaves the screen's loop."""

    def visit_Return(self, node: ast.Return) -> ast.stmt:
        assert _is(node.value, False)  # _inlined refuses any other return but the last
        return ast.copy_location(ast.Break(), node)


# The preparation of an order by the gate's general path (Policy._general), spelt out for the
# screen: the same reads and the same Decimal operations, in the same order, so that the controls
# see the same case. An order the gate refuses (no instrument, an inactive one, a closed account,
# no usable mark) or denies as a short sale returns False: the general path says why. unit_price()
# is spelt out for the limit and market orders, and view.reduces() in full. (Checked against the
# general path by tests/unit/risk/gate/test_screen_properties.py.)
PREPARATION = """
symbol = order.symbol
instrument = view.instruments.get(symbol)
mark = view.marks.get(symbol)
if instrument is None or mark is None or not (
    instrument.active and view.account_open and mark.is_finite() and mark > _ZERO
):
    return False
quantity = order.quantity
buy = order.side is _BUY
order_type = order.order_type
if order_type is _LIMIT and order.limit_price is not None:
    price = order.limit_price if buy or order.limit_price > mark else mark
elif order_type is _MARKET:
    price = mark
else:
    price = _unit_price(order, mark)
unit = price * instrument.multiplier
held = view.positions.get(symbol)
if held is None:
    reduces = False
elif buy:
    reduces = held < _ZERO and quantity + view.open_buy_qty.get(symbol, _ZERO) <= -held
else:
    reduces = held > _ZERO and quantity + view.open_sell_qty.get(symbol, _ZERO) <= held
cash_only = view.cash_only
if cash_only or not instrument.marginable:
    view.initial_rates[symbol] = _ONE
if not buy and not reduces and (cash_only or not instrument.shortable):
    return False
value = quantity * unit
"""
# The names PREPARATION reads besides the screen's arguments: globals of the generated module.
_PREPARATION_NAMES: dict[str, object] = {
    "_Decision": Decision,
    "_new": tuple.__new__,
    "_BUY": Side.BUY,
    "_LIMIT": OrderType.LIMIT,
    "_MARKET": OrderType.MARKET,
    "_ONE": ONE,
    "_ZERO": ZERO,
    "_unit_price": unit_price,
}
# The case's fields that are never None in the screen: its preparation refuses an order without
# an instrument or a mark before any control runs.
_NEVER_NONE = frozenset({"instrument", "mark", "order", "quantity", "symbol", "unit", "value"})
# Objects whose attributes the screen reads once each: its arguments, never None there.
_HOISTED = ("order", "view")


def _hoisted(lines: list[ast.stmt | str]) -> tuple[list[ast.stmt | str], set[str]]:
    """`lines` with each attribute of the order or the view that they read more than once read
    once, into a local, just before the first statement that reads it; and those locals.

    The screen only reads them (a pass condition changes nothing; the preparation writes into a
    dict the view holds, never an attribute), so a read moved earlier reads the same object.
    """
    statements = [line for line in lines if isinstance(line, ast.stmt)]
    nodes = [n for s in statements for n in ast.walk(s)]
    stores: dict[str, int] = {}
    for n in nodes:
        if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
            stores[n.id] = stores.get(n.id, 0) + 1
    taken = {n.id for n in nodes if isinstance(n, ast.Name)}
    called = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
    reads: dict[tuple[str, str], int] = {}
    written: set[tuple[str, str]] = set()
    for node in nodes:
        key = _attribute_of(node)
        if key is None:
            continue
        assert isinstance(node, ast.Attribute)
        if not isinstance(node.ctx, ast.Load):
            written.add(key)
        elif id(node) not in called:  # a method call stays one
            reads[key] = reads.get(key, 0) + 1
    names = {
        key: f"{key[0]}_{key[1]}"
        for key, count in reads.items()
        if count > 1 and key not in written and f"{key[0]}_{key[1]}" not in taken
    }
    done: set[tuple[str, str]] = set()
    result: list[ast.stmt | str] = []
    for line in lines:
        if isinstance(line, ast.stmt):
            first = _reads_of(line, names) - done
            alias = _alias(line)  # `flow = view.flow`, its only assignment: flow is the local
            if alias is not None and alias[1] in first and stores.get(alias[0]) == 1:
                names[alias[1]] = alias[0]
                first.discard(alias[1])
                done.add(alias[1])
                result.append(line)
                continue
            for key in sorted(first):
                done.add(key)
                read = ast.Attribute(ast.Name(key[0], ast.Load()), key[1], ast.Load())
                result.append(ast.Assign([ast.Name(names[key], ast.Store())], read, lineno=0))
            line = ast.fix_missing_locations(_Local(names).visit(line))
        result.append(line)
    return result, set(names.values())


# The operations a shared expression may use: none of them raises on the screen's numbers.
_SHARED_OPS = (ast.Add, ast.Sub, ast.Mult)


def _shared(lines: list[ast.stmt | str], stable: set[str]) -> list[ast.stmt | str]:
    """The controls' `lines` with an arithmetic expression that two of them compute (`value +
    view_total_gross`: the gross exposure and leverage caps) computed once, into a local, just
    before the first statement that needs it.

    Only an expression of the screen's arguments, the hoisted reads and the bound constants
    (names assigned once, before any control runs) is shared: it has one value in the screen.
    """
    start = next((i for i, line in enumerate(lines) if i and isinstance(line, str)), len(lines))
    statements = [line for line in lines[start:] if isinstance(line, ast.stmt)]

    def sharable(node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Name):
            return node.id in stable or (node.id[0] == "k" and node.id[1:].isdigit())
        return (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, _SHARED_OPS)
            and sharable(node.left)
            and sharable(node.right)
        )

    counts: dict[str, int] = {}
    for node in (n for s in statements for n in ast.walk(s)):
        if isinstance(node, ast.BinOp) and sharable(node):
            counts[ast.dump(node)] = counts.get(ast.dump(node), 0) + 1
    taken = {n.id for s in statements for n in ast.walk(s) if isinstance(n, ast.Name)}
    names = {
        dump: f"shared{n}"
        for n, dump in enumerate(d for d, count in counts.items() if count > 1)
        if f"shared{n}" not in taken
    }
    if not names:
        return lines
    result = lines[:start]
    done: set[str] = set()
    for line in lines[start:]:
        if isinstance(line, ast.stmt):
            replacer = _Shared(names)
            line = ast.fix_missing_locations(replacer.visit(line))
            for dump, node in replacer.first.items():
                if dump not in done:
                    done.add(dump)
                    target = ast.Name(names[dump], ast.Store())
                    result.append(ast.fix_missing_locations(ast.Assign([target], node, lineno=0)))
        result.append(line)
    return result


class _Shared(ast.NodeTransformer):
    """Shared expressions become reads of their locals; `first` keeps each one it replaced."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.first: dict[str, ast.BinOp] = {}

    def visit_BinOp(self, node: ast.BinOp) -> ast.expr:
        dump = ast.dump(node)
        if dump in self.names:
            self.first.setdefault(dump, node)
            return ast.Name(self.names[dump], ast.Load())
        self.generic_visit(node)
        return node


def _alias(statement: ast.stmt) -> tuple[str, tuple[str, str]] | None:
    """`name = order.x` or `name = view.x`: the name and the attribute it reads."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, key = statement.targets[0], _attribute_of(statement.value)
        if isinstance(target, ast.Name) and key is not None:
            return target.id, key
    return None


def _attribute_of(node: ast.AST) -> tuple[str, str] | None:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return (node.value.id, node.attr) if node.value.id in _HOISTED else None
    return None


def _reads_of(statement: ast.stmt, names: dict[tuple[str, str], str]) -> set[tuple[str, str]]:
    keys = (_attribute_of(n) for n in ast.walk(statement))
    return {key for key in keys if key is not None and key in names}


class _Local(ast.NodeTransformer):
    """Reads of the hoisted attributes become reads of their locals."""

    def __init__(self, names: dict[tuple[str, str], str]) -> None:
        self.names = names

    def visit_Attribute(self, node: ast.Attribute) -> ast.expr:
        key = _attribute_of(node)
        if key is not None and key in self.names and isinstance(node.ctx, ast.Load):
            return ast.Name(self.names[key], ast.Load())
        self.generic_visit(node)
        return node


def _inlined(control: Control, passes: Callable[..., bool], bind: Bind) -> list[ast.stmt]:
    """The body of `control`'s passes() as statements of the screen, that `return False` on a
    breach."""
    function = _parsed(passes)  # a fresh tree: the transformer rewrites the tree it visits
    inliner = _Inliner(control, function, passes.__globals__, bind)
    body: list[ast.stmt] = []
    for statement in function.body:
        if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):
            body.extend(_listed(inliner.visit(statement)))  # (a docstring is left out)
    *lines, last = body or [ast.Pass()]
    for node in (n for line in body for n in ast.walk(line)):
        if isinstance(node, ast.For | ast.While | ast.AsyncFor):  # a `break` would stay inside
            raise ScreenSourceError(f"{control.name}.passes() loops")
    for node in (n for line in lines for n in ast.walk(line)):
        if isinstance(node, ast.Return) and not _is(node.value, False):
            raise ScreenSourceError(f"{control.name}.passes() returns other than False early")
    if isinstance(last, ast.Return) and last.value is not None and not _is(last.value, True):
        value = last.value  # `return <condition>`: `if not <condition>: return False`
        if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not):
            test = value.operand
        else:
            test = ast.UnaryOp(ast.Not(), value)
        lines.append(ast.If(test, [ast.Return(ast.Constant(False))], []))
    elif not isinstance(last, ast.Return):
        lines.append(last)
    module = ast.fix_missing_locations(ast.Module(lines or [ast.Pass()], []))
    inliner.bind_read(module)
    for node in ast.walk(module):
        if not isinstance(node, ast.Name) or not isinstance(node.ctx, ast.Store):
            continue
        if node.id in SCREEN_ARGS or (node.id[0] == "k" and node.id[1:].isdigit()):
            raise ScreenSourceError(f"a pass source assigns the screen argument {node.id!r}")
    return module.body


def _parsed(passes: Callable[..., bool]) -> ast.FunctionDef:
    """A new tree of `passes()` each call, parsed from its source read once (parsing ~20 lines
    again costs a fifth of a deep copy of the tree)."""
    tree = ast.parse(_source(passes))
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    return function


@lru_cache(maxsize=64)
def _source(passes: Callable[..., bool]) -> str:
    return textwrap.dedent(inspect.getsource(passes))


class _Inliner(ast.NodeTransformer):
    """Rewrites a passes() body for the screen: constants bound, `case.x` read as `x`, folded."""

    def __init__(
        self,
        control: Control,
        function: ast.FunctionDef,
        names: dict[str, object],
        bind: Bind,
    ) -> None:
        self.control, self.names, self.bind = control, names, bind
        self.own, self.case = (a.arg for a in function.args.args)
        self.local = {
            n.id
            for n in ast.walk(function)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        # The values to bind (never None), by a placeholder name: bound once the folding
        # is done, only those the screen still reads.
        self.values: dict[str, object] = {}
        self.placeholders: dict[int, str] = {}  # id(value): its placeholder

    def constant(self, value: object) -> ast.expr:
        """None and booleans stay literal (and fold); any other value is a constant to bind."""
        if value is None or isinstance(value, bool):
            return ast.Constant(value)
        name = self.placeholders.get(id(value))
        if name is None:
            name = self.placeholders[id(value)] = f"<{len(self.values)}>"
            self.values[name] = value
        return ast.Name(name, ast.Load())

    def bind_read(self, tree: ast.AST) -> None:
        """Bind the constants `tree` reads, renaming each placeholder to its bound name."""
        names: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id in self.values:
                if node.id not in names:
                    names[node.id] = self.bind(self.values[node.id])
                node.id = names[node.id]

    def global_name(self, node: ast.expr) -> str | None:
        if not isinstance(node, ast.Name) or node.id in self.local:
            return None
        return node.id if node.id in self.names else None

    def visit_Assign(self, node: ast.Assign) -> ast.stmt | None:
        """`view = case.view` (fields read into locals of their names) goes: the screen's
        arguments hold them already."""
        target, value = node.targets[-1], node.value
        names = target.elts if isinstance(target, ast.Tuple) else [target]
        values = value.elts if isinstance(value, ast.Tuple) else [value]
        fields = [self.field_of(v) for v in values]
        if len(node.targets) == 1 and fields == [_name_of(n) for n in names] and None not in fields:
            return None
        self.generic_visit(node)
        return node

    def field_of(self, node: ast.expr) -> str | None:
        """The case's field that `node` reads (`case.x`), if it reads one."""
        if isinstance(node, ast.Attribute) and _name_of(node.value) == self.case:
            return node.attr
        return None

    def visit_Attribute(self, node: ast.Attribute) -> ast.expr:
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id == self.case:
            return ast.Name(node.attr, ast.Load())
        if isinstance(owner, ast.Name) and owner.id == self.own:
            value = getattr(self.control, node.attr)
            if node.attr.startswith("_") and not callable(value):
                return ast.Attribute(self.constant(self.control), node.attr, ast.Load())
            return self.constant(value)
        name = self.global_name(owner)
        if name is not None:  # a module's name, e.g. a class's function: bind what it reads
            return self.constant(getattr(self.names[name], node.attr))
        self.generic_visit(node)
        return node

    def visit_Name(self, node: ast.Name) -> ast.expr:
        if node.id == self.own:
            return self.constant(self.control)
        if node.id == self.case:
            raise ScreenSourceError(f"{self.control.name}.passes() passes the case on")
        name = self.global_name(node)
        if name is not None:
            return self.constant(self.names[name])
        if node.id not in self.local and not hasattr(builtins, node.id):
            raise ScreenSourceError(f"{self.control.name}.passes() reads unknown {node.id!r}")
        return node

    def visit_Compare(self, node: ast.Compare) -> ast.expr:
        self.generic_visit(node)
        if len(node.ops) > 1:
            return node
        [op], [right], left = node.ops, node.comparators, node.left
        known = (
            isinstance(left, ast.Constant)
            or _is_name(left, self.values)
            or _is_name(left, _NEVER_NONE)  # `instrument is not None` is True there
        )
        if known and isinstance(op, ast.Is | ast.IsNot) and _is(right, None):
            return ast.Constant(_is(left, None) is isinstance(op, ast.Is))
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.expr:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and isinstance(node.operand, ast.Constant):
            return ast.Constant(not node.operand.value)
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.expr:
        """Constants fold: `True or x` is True, `x and True` is x (as a condition), `x and False`
        is False."""
        self.generic_visit(node)
        decides = isinstance(node.op, ast.Or)  # the constant that decides the whole
        for value in node.values:  # after names only (nothing to run): `x and False` is False
            if isinstance(value, ast.Constant) and bool(value.value) is decides:
                return ast.Constant(decides)
            if not isinstance(value, ast.Name | ast.Constant):
                break
        values = [v for v in node.values if not _is(v, not decides)]
        if not values:
            return ast.Constant(not decides)
        return values[0] if len(values) == 1 else ast.BoolOp(node.op, values)

    def visit_IfExp(self, node: ast.IfExp) -> ast.expr:
        self.generic_visit(node)
        if isinstance(node.test, ast.Constant):
            return node.body if node.test.value else node.orelse
        return node

    def visit_If(self, node: ast.If) -> ast.stmt | list[ast.stmt]:
        self.generic_visit(node)
        if isinstance(node.test, ast.Constant):
            return node.body if node.test.value else node.orelse
        node.body = node.body or [ast.Pass()]
        return node


def _listed(node: ast.AST | list[ast.stmt] | None) -> list[ast.stmt]:
    if node is None:
        return []
    if isinstance(node, list):
        return node
    assert isinstance(node, ast.stmt)
    return [node]


def _name_of(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else None


def _is(node: ast.expr | None, value: object) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def _is_name(node: ast.expr, names: Container[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in names


@lru_cache(maxsize=256)
def _factory(source: str) -> Callable[..., Evaluate]:
    """Compile once per shape of policy: parameter values are arguments, not part of the source."""
    namespace: dict[str, object] = dict(_PREPARATION_NAMES)
    exec(compile(source, "<risk screen>", "exec"), namespace)  # only our own source, values bound
    factory = namespace["factory"]
    assert callable(factory)
    return factory
