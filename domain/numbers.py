"""The one strict number parser of the API boundary, field specs, and bounded Decimal arithmetic."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext

from domain.errors import DomainError

# Syntax: plain ASCII decimal text. No "_", no spaces, no non-ASCII digits, no NaN/Infinity,
# no leading "." or trailing "." (".5", "5." are refused), an optional exponent.
NUMBER_PATTERN = r"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
_SYNTAX = re.compile(r"([+-]?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?", re.ASCII)
MAX_TEXT_LENGTH = 64
MAX_SIGNIFICANT_DIGITS = 34
# A non-zero value lies in [1e-MAX_EXPONENT, 1e(MAX_EXPONENT+1)): every spec sits well inside.
MAX_EXPONENT = 40
# A JSON integer is bounded on its bit length before str(): 10**41 needs 137 bits.
_MAX_INT_BITS = 137
ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal("0.01")  # the quantum of money rounded to the cent


class InvalidNumber(DomainError):
    """A number at the boundary is malformed or outside its field's declared range."""

    code = "INVALID_NUMBER"

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}", field=field)
        self.reason = reason


class NumberOutOfRange(DomainError):
    """Arithmetic on valid inputs left its bounded context (overflow, division by zero, ...)."""

    code = "NUMBER_OUT_OF_RANGE"


def parse_decimal(raw: object, field: str) -> Decimal:
    """The exact Decimal of `raw` (str, int, float or Decimal) under the global syntax limits.

    Raises InvalidNumber naming `field`. Nothing here converts an unbounded value: the text
    length, the exponent and the integer's bit length are checked before any Decimal or int.
    """
    text = _text_of(raw, field)
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidNumber(field, f"must be at most {MAX_TEXT_LENGTH} characters")
    match = _SYNTAX.fullmatch(text)
    if match is None:
        raise InvalidNumber(field, "must be a plain decimal number such as 12.5 or 1e-3")
    _, whole, fraction, exponent_text = match.groups()
    fraction = fraction or ""
    digits = (whole + fraction).lstrip("0")
    if not digits:
        return ZERO
    significant = digits.rstrip("0")
    if len(significant) > MAX_SIGNIFICANT_DIGITS:
        raise InvalidNumber(field, f"must have at most {MAX_SIGNIFICANT_DIGITS} significant digits")
    # The exponent text is at most MAX_TEXT_LENGTH characters: int() of it is cheap.
    exponent = int(exponent_text) if exponent_text else 0
    adjusted = exponent + len(digits) - len(fraction) - 1
    if not -MAX_EXPONENT <= adjusted <= MAX_EXPONENT:
        raise InvalidNumber(field, f"must be between 1e-{MAX_EXPONENT} and 1e{MAX_EXPONENT + 1}")
    # The text is within every bound: its own Decimal is exact and keeps the client's form.
    return Decimal(text)


def _text_of(raw: object, field: str) -> str:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        raise InvalidNumber(field, "must be a number, not a boolean")
    if isinstance(raw, int):
        if raw.bit_length() > _MAX_INT_BITS:
            raise InvalidNumber(
                field, f"must be between 1e-{MAX_EXPONENT} and 1e{MAX_EXPONENT + 1}"
            )
        return str(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise InvalidNumber(field, "must be a finite number")
        return repr(raw)
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise InvalidNumber(field, "must be a finite number")
        _, digits, exponent = raw.as_tuple()
        assert isinstance(exponent, int)
        if len(digits) > MAX_TEXT_LENGTH or abs(exponent) > 10 * MAX_EXPONENT:
            raise InvalidNumber(
                field, f"must be between 1e-{MAX_EXPONENT} and 1e{MAX_EXPONENT + 1}"
            )
        return str(raw)
    raise InvalidNumber(field, 'must be a number written as a string, such as "12.5"')


def decimal_places(value: Decimal) -> int:
    """Places after the point that carry a non-zero digit (1.50 has 1, 100 has 0)."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0:
        return 0
    for trailing, digit in enumerate(reversed(digits)):
        if digit:
            return max(0, -(exponent + trailing))
    return 0  # zero


@dataclass(frozen=True, slots=True)
class NumberSpec:
    """The range and precision of one kind of field, declared once and checked at the boundary.

    `minimum`/`maximum` are inclusive unless `exclusive_minimum`; `places` caps the digits
    after the point; `integer` requires a whole number. All bounds lie within the parser's.
    """

    kind: str
    description: str
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    exclusive_minimum: bool = False
    places: int | None = None
    integer: bool = False

    def parse(self, raw: object, field: str) -> Decimal:
        """Parse `raw` strictly and check it against this spec; InvalidNumber names `field`."""
        return self.check(parse_decimal(raw, field), field)

    def check(self, value: Decimal, field: str) -> Decimal:
        """`value` when it honours this spec (it must already be within the parser's limits)."""
        if self.integer and decimal_places(value) > 0:
            raise InvalidNumber(field, "must be a whole number")
        if self.places is not None and decimal_places(value) > self.places:
            raise InvalidNumber(field, f"must have at most {self.places} decimal places")
        low, high = self.minimum, self.maximum
        if low is not None and (value <= low if self.exclusive_minimum else value < low):
            relation = "greater than" if self.exclusive_minimum else "at least"
            raise InvalidNumber(field, f"must be {relation} {low:f}")
        if high is not None and value > high:
            raise InvalidNumber(field, f"must be at most {high:f}")
        exponent = value.as_tuple().exponent
        if self.places is not None and isinstance(exponent, int) and exponent < -self.places:
            # Only zeros lie beyond `places`: drop them, so no store sees 60 digits of "1.000…".
            return value.quantize(ONE.scaleb(-decimal_places(value)))
        return value

    def parse_int(self, raw: object, field: str) -> int:
        """An integer spec's value as int (bounded before the conversion)."""
        return int(self.parse(raw, field))


def number_spec(
    kind: str,
    description: str,
    low: int | str | None,
    high: int | str,
    *,
    above_low: bool = True,
    places: int | None = None,
    integer: bool = False,
) -> NumberSpec:
    """A field kind from its bounds: above `low` (at least `low` with above_low=False, no
    lower bound for None), at most `high`; the specs below and the contexts' own kinds."""
    return NumberSpec(
        kind,
        description,
        minimum=None if low is None else Decimal(low),
        maximum=Decimal(high),
        exclusive_minimum=above_low,
        places=places,
        integer=integer,
    )


# -- the field kinds of the API ------------------------------------------------------------
QUANTITY = number_spec(
    "quantity", "A positive quantity, at most 1e12, 10 decimal places", 0, "1e12", places=10
)
PRICE = number_spec(
    "price", "A positive price, at most 1e9, 10 decimal places", 0, "1e9", places=10
)
MONEY = number_spec(
    "money", "A positive amount of money, at most 1e15, 6 decimal places", 0, "1e15", places=6
)
SIGNED_MONEY = number_spec(
    "signed_money",
    "An amount of money, negative for a debt, within +-1e15, 6 decimal places",
    "-1e15",
    "1e15",
    above_low=False,
    places=6,
)
FRACTION = number_spec(
    "fraction", "A fraction in (0, 1] (0.25 = 25%), 8 decimal places", 0, 1, places=8
)
UNIT_INTERVAL = number_spec(
    "unit_interval",
    "A fraction in [0, 1] (0.25 = 25%), 8 decimal places",
    0,
    1,
    above_low=False,
    places=8,
)
PERCENT = number_spec(
    "percent", "A percentage in [0, 100], 6 decimal places", 0, 100, above_low=False, places=6
)
BASIS_POINTS = number_spec(
    "basis_points", "Basis points in [0, 10000] (1 = 0.01%), 4 decimal places", 0, 10_000,
    above_low=False, places=4,
)  # fmt: skip
FEE_PER_UNIT = number_spec(
    "fee_per_unit", "A fee per unit traded in [0, 1000], 6 decimal places", 0, 1000,
    above_low=False, places=6,
)  # fmt: skip
MULTIPLE = number_spec(
    "multiple",
    "A positive multiple (leverage, volatility multiple), at most 1000",
    0,
    1000,
    places=8,
)
MULTIPLIER = number_spec(
    "multiplier", "A positive contract multiplier, at most 1e6", 0, "1e6", places=10
)
SECONDS = number_spec(
    "seconds", "A positive number of seconds, at most 60 (the order-flow horizon)", 0, 60, places=3
)
PER_SECOND = number_spec(
    "per_second", "Orders per second, 1 to 10000", 1, 10_000, above_low=False, integer=True
)
PER_MINUTE = number_spec(
    "per_minute", "Orders per minute, 1 to 600000", 1, 600_000, above_low=False, integer=True
)
OPEN_ORDERS = number_spec(
    "open_orders", "Open orders, 1 to 100000", 1, 100_000, above_low=False, integer=True
)
TICKS = number_spec(
    "ticks", "A number of ticks, 1 to 1000000", 1, 1_000_000, above_low=False, integer=True
)
# A periodic return as a fraction (0.01 = +1%); a loss beyond -100% exists only with leverage.
RETURN_BOUND = 100.0
MAX_RETURNS = 100_000
ALL_SPECS = (
    QUANTITY,
    PRICE,
    MONEY,
    FRACTION,
    UNIT_INTERVAL,
    PERCENT,
    MULTIPLE,
    MULTIPLIER,
    SECONDS,
    PER_SECOND,
    PER_MINUTE,
    OPEN_ORDERS,
    TICKS,
)


def check_returns(returns: list[float], field: str = "returns") -> list[float]:
    """Portfolio returns: 2 to MAX_RETURNS finite fractions within ±RETURN_BOUND."""
    if not 2 <= len(returns) <= MAX_RETURNS:
        raise InvalidNumber(field, f"must hold 2 to {MAX_RETURNS} returns")
    for index, value in enumerate(returns):
        if not (math.isfinite(value) and -RETURN_BOUND <= value <= RETURN_BOUND):
            raise InvalidNumber(
                f"{field}[{index}]", f"must be a finite fraction within ±{RETURN_BOUND:g}"
            )
    return returns


# -- bounded arithmetic ------------------------------------------------------------------------
# The default context's precision (28 digits: results read as before) with a small exponent
# range, so an absurd magnitude is an error rather than an answer. Underflow and Subnormal are
# not trapped: a result too small to show is rounded towards zero, as money is anyway.
ARITHMETIC = Context(
    prec=28,
    Emax=99,
    Emin=-99,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)


@contextmanager
def bounded_arithmetic(what: str) -> Iterator[None]:
    """Run Decimal arithmetic in ARITHMETIC; a trap becomes NumberOutOfRange naming `what`.

    Not for the pre-trade gate's hot path: a local context costs about a microsecond.
    """
    try:
        with localcontext(ARITHMETIC):
            yield
    except DivisionByZero:
        raise NumberOutOfRange(f"{what}: division by zero") from None
    except Overflow:
        raise NumberOutOfRange(f"{what}: a result is too large") from None
    except InvalidOperation:
        raise NumberOutOfRange(f"{what}: a result is not a number") from None
