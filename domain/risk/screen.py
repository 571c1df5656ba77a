"""Compiles a policy's controls into one Python function that says whether every control passes.

The gate's exact path asks each control in turn and builds a verdict per
control; most orders pass every control, and then the verdicts are all the
controls' constant pass verdicts. The screen answers "does every control pass?"
without a call per control: the body of each control's `passes()` (the one
definition of its pass condition, which the exact path runs too) is inlined
into a single function, with the control's attributes and the module names it
reads bound as closure constants (but for the control's private data, its
caches, read when the screen runs), `case.<field>` read as the screen's argument
of that name, and a `None` or boolean attribute folded away (`self.limit is None`
is True in the source, and the branch it guards is kept or dropped). A False or
an exception sends the order down the exact path, which decides it from scratch.

No float fast path: float(Decimal) goes through a string (~0.3 us), more than
the Decimal multiply (~65 ns) and comparisons (~35 ns) it would replace.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import textwrap
from collections.abc import Callable, Container, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Protocol

from domain.risk.controls.base import Case, Control
from domain.risk.view import AccountRiskView
from domain.trading.instruments import Instrument
from domain.trading.orders import Order

# The screen's arguments: the fields of a case, which a pass condition must never assign.
SCREEN_ARGS = Case._fields

Bind = Callable[[object], str]
"""Binds a value as a constant of the generated function and returns its name there."""


class Screen(Protocol):
    """True when every control of the compiled tuple passes the order (then breach() is None)."""

    def __call__(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
        symbol: str,
        buy: bool,
        mark: Decimal,
        instrument: Instrument,
    ) -> bool: ...


class ScreenSourceError(ValueError):
    """A control's pass condition cannot be inlined: it assigns an argument, or returns early."""


def compile_screen(controls: Sequence[Control]) -> tuple[Screen, str] | None:
    """One function for the whole tuple, and its source; None if a control has no pass condition."""
    values: list[object] = []

    def bind(value: object) -> str:
        values.append(value)
        return f"k{len(values) - 1}"

    blocks: list[str] = []
    for control in controls:
        passes = type(control).passes
        if passes is Control.passes:
            return None  # e.g. a plug-in control: every order takes the exact path
        body = _inlined(control, passes, bind)
        blocks.append(f"        # {control.name}\n" + textwrap.indent(body, " " * 8))
    constants = ", ".join(f"k{i}" for i in range(len(values)))
    source = (
        f"def factory({constants}):\n"
        f"    def screen({', '.join(SCREEN_ARGS)}):\n"
        + "\n".join(blocks)
        + "\n        return True\n    return screen\n"
    )
    factory = _factory(source)
    screen: Screen = factory(*values)
    return screen, source


def _inlined(control: Control, passes: Callable[..., bool], bind: Bind) -> str:
    """The body of `control`'s passes() as lines of the screen, that `return False` on a breach."""
    function = _parsed(passes)  # a fresh tree: the transformer rewrites the tree it visits
    inliner = _Inliner(control, function, passes.__globals__, bind)
    body: list[ast.stmt] = []
    for statement in function.body:
        if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):
            body.extend(_listed(inliner.visit(statement)))  # (a docstring is left out)
    *lines, last = body or [ast.Pass()]
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
    return ast.unparse(module)


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
        known = isinstance(left, ast.Constant) or _is_name(left, self.values)
        if known and isinstance(op, ast.Is | ast.IsNot) and _is(right, None):
            return ast.Constant(_is(left, None) is isinstance(op, ast.Is))
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.expr:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and isinstance(node.operand, ast.Constant):
            return ast.Constant(not node.operand.value)
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.expr:
        """Constants fold: `True or x` is True, `x and True` is x (as a condition)."""
        self.generic_visit(node)
        decides = isinstance(node.op, ast.Or)  # the constant that decides the whole
        if isinstance(node.values[0], ast.Constant) and bool(node.values[0].value) is decides:
            return ast.Constant(decides)
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
def _factory(source: str) -> Callable[..., Screen]:
    """Compile once per shape of policy: parameter values are arguments, not part of the source."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Name) or not isinstance(node.ctx, ast.Store):
            continue
        if node.id in SCREEN_ARGS or (node.id[0] == "k" and node.id[1:].isdigit()):
            raise ScreenSourceError(f"a pass source assigns the screen argument {node.id!r}")
    namespace: dict[str, object] = {}
    exec(compile(tree, "<risk screen>", "exec"), namespace)  # only our own source, values bound
    factory = namespace["factory"]
    assert callable(factory)
    return factory
