"""The mapping: each regulatory requirement, the Bulwark controls that meet its parts, and what
Bulwark does not cover. docs/compliance.md explains each line and cites the rule text.

Changing what Bulwark covers (a new control, as the execution throttle and the drop copy of
order events and fills were) is a change of this data: move the part from `not_covered` to an
element naming the new control kind, and keep what the control still does not do stated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from domain.compliance.controls import ControlKind as C
from domain.compliance.requirements import Element, Regime, Requirement

SEC_15C3_5 = "https://www.ecfr.gov/current/title-17/section-240.15c3-5"
FINRA_15_09 = "https://www.finra.org/rules-guidance/notices/15-09"
RTS_6 = "https://eur-lex.europa.eu/eli/reg_del/2017/589/oj"
FINRA_2026 = "https://www.finra.org/rules-guidance/guidance/reports"

_CREDIT_LIMITS = (C.MAX_ORDER_NOTIONAL, C.GROSS_EXPOSURE, C.MAX_LEVERAGE, C.MAX_DAILY_LOSS)
_BOOK_CREDIT = (
    C.BOOK_GROSS_EXPOSURE, C.BOOK_NET_EXPOSURE, C.BOOK_LEVERAGE, C.BOOK_DAILY_LOSS,
    C.BOOK_DRAWDOWN,
)  # fmt: skip
_EXPOSURE = (
    C.GROSS_EXPOSURE, C.NET_EXPOSURE, C.MAX_POSITION_SIZE, C.POSITION_LIMIT, C.MAX_LEVERAGE,
    C.BOOK_GROSS_EXPOSURE, C.BOOK_NET_EXPOSURE, C.BOOK_POSITION, C.BOOK_LEVERAGE,
)  # fmt: skip
_LOSS = (C.MAX_DAILY_LOSS, C.MAX_DRAWDOWN, C.BOOK_DAILY_LOSS, C.BOOK_DRAWDOWN)
_SIZE = (C.MAX_ORDER_QUANTITY, C.MAX_ORDER_NOTIONAL)
_LIMITS = (
    C.MAX_ORDER_QUANTITY, C.MAX_ORDER_NOTIONAL, C.GROSS_EXPOSURE, C.NET_EXPOSURE,
    C.MAX_POSITION_SIZE, C.POSITION_LIMIT, C.MAX_DAILY_LOSS, C.MAX_DRAWDOWN, C.MAX_LEVERAGE,
)  # fmt: skip

SEC = (
    Requirement(
        "sec-15c3-5-c1i",
        Regime.SEC_15C3_5,
        "17 CFR 240.15c3-5(c)(1)(i)",
        "Pre-set credit and capital thresholds",
        (
            Element("each order checked against the account's capital (buying power)",
                    (C.BUYING_POWER,)),
            Element("a pre-set credit limit on the account (order value, exposure, leverage "
                    "or daily loss)", _CREDIT_LIMITS),
            Element("the customer's aggregate across accounts (a book's limits)", _BOOK_CREDIT),
            Element("finer thresholds by sector or security",
                    (C.SECTOR_CONCENTRATION, C.MAX_POSITION_SIZE, C.POSITION_LIMIT)),
        ),
        ("the broker-dealer's own aggregate over every customer: Bulwark's limits hold per "
         "account and per book",),
        SEC_15C3_5,
    ),
    Requirement(
        "sec-15c3-5-c1ii",
        Regime.SEC_15C3_5,
        "17 CFR 240.15c3-5(c)(1)(ii)",
        "Erroneous orders",
        (
            Element("orders outside price parameters rejected", (C.PRICE_COLLAR,)),
            Element("orders over size parameters rejected, order by order", _SIZE),
            Element("duplicative orders rejected", (C.DUPLICATE_ORDER,)),
        ),
        (),
        SEC_15C3_5,
    ),
    Requirement(
        "sec-15c3-5-c2",
        Regime.SEC_15C3_5,
        "17 CFR 240.15c3-5(c)(2)",
        "Regulatory requirements before order entry",
        (
            Element("securities the customer is restricted from trading", (C.RESTRICTED_SYMBOLS,)),
            Element("orders only in the venue's sessions", (C.TRADING_HOURS,)),
            Element("FINRA Rule 4210 pattern-day-trader limits (margin accounts)",
                    (C.PATTERN_DAY_TRADER, C.DAY_TRADING_BUYING_POWER)),
            Element("the account's options approval level (FINRA Rule 2360(b)(16))",
                    (C.OPTIONS_LEVEL,)),
            Element("orders that would trade with the customer's own resting orders",
                    (C.SELF_MATCH,)),
            Element("access only for authorized persons and the accounts granted them",
                    (C.ACCESS_CONTROL,)),
            Element("immediate post-trade execution reports to surveillance staff "
                    "((c)(2)(iv)): a drop copy of every order event and fill to the desk",
                    (C.DROP_COPY,)),
        ),
        ("Regulation SHO locates before a short sale: Bulwark refuses a short only of an "
         "instrument marked not shortable, or in a cash account",),
        SEC_15C3_5,
    ),
)  # fmt: skip

FINRA = (
    Requirement(
        "finra-15-09-risk-assessment",
        Regime.FINRA_15_09,
        "FINRA Regulatory Notice 15-09, General Risk Assessment and Response",
        "General risk assessment and response",
        (Element("pre-set risk limits in force for the account", _LIMITS),),
        ("the firm's assessment of its algorithmic strategies and its plan to respond: an "
         "inventory of the strategies and their risks, which Bulwark does not keep",),
        FINRA_15_09,
    ),
    Requirement(
        "finra-15-09-development",
        Regime.FINRA_15_09,
        "FINRA Regulatory Notice 15-09, Software/Code Development and Implementation",
        "Software and code development",
        (Element("every change of a limit recorded in a tamper-evident log", (C.AUDIT_CHAIN,)),),
        ("the firm's development, code review and change management of its own trading "
         "algorithms",),
        FINRA_15_09,
    ),
    Requirement(
        "finra-15-09-testing",
        Regime.FINRA_15_09,
        "FINRA Regulatory Notice 15-09, Software Testing and System Validation",
        "Software testing and system validation",
        (Element("the kill switch drilled against the venue", (C.KILL_SWITCH_DRILL,)),),
        ("testing of the algorithms before deployment: backtests through the gate exist "
         "(docs/backtests.md) but are neither required nor recorded here",),
        FINRA_15_09,
    ),
    Requirement(
        "finra-15-09-trading-systems",
        Regime.FINRA_15_09,
        "FINRA Regulatory Notice 15-09, Trading Systems",
        "Trading systems",
        (
            Element("a kill switch that cancels the account's orders", (C.KILL_SWITCH,)),
            Element("an order-rate throttle", (C.ORDER_RATE,)),
            Element("pre-trade limits on each order's size", _SIZE),
        ),
        (),
        FINRA_15_09,
    ),
    Requirement(
        "finra-15-09-compliance",
        Regime.FINRA_15_09,
        "FINRA Regulatory Notice 15-09, Compliance",
        "Compliance",
        (
            Element("surveillance of the firm's own order flow (Bulwark's, or the desk's own "
                    "on a drop copy of the orders and fills)", (C.SURVEILLANCE, C.DROP_COPY)),
            Element("an audit trail of decisions and changes", (C.AUDIT_CHAIN,)),
        ),
        ("compliance staff's part in the design and review of the firm's algorithms",),
        FINRA_15_09,
    ),
)  # fmt: skip

RTS6 = (
    Requirement(
        "rts6-art12",
        Regime.MIFID_RTS_6,
        "Commission Delegated Regulation (EU) 2017/589, Art. 12",
        "Kill functionality",
        (
            Element("cancel at once every unexecuted order of the account at every venue",
                    (C.KILL_SWITCH,)),
            Element("the algorithm, trader or client behind each order identified",
                    (C.ORDER_ORIGIN,)),
        ),
        ("a kill of one strategy alone: a strategy's orders fall in their account's scope "
         "(agents, accounts and books have scopes of their own)",),
        RTS_6,
    ),
    Requirement(
        "rts6-art13",
        Regime.MIFID_RTS_6,
        "Commission Delegated Regulation (EU) 2017/589, Art. 13",
        "Automated surveillance to detect market manipulation",
        (Element("the firm's own orders and trades surveilled, alerts reviewed as cases",
                 (C.SURVEILLANCE,)),),
        ("cross-market and cross-product manipulation, and the market's flow beyond the "
         "firm's own (docs/surveillance.md, Limits)",),
        RTS_6,
    ),
    Requirement(
        "rts6-art15",
        Regime.MIFID_RTS_6,
        "Commission Delegated Regulation (EU) 2017/589, Art. 15",
        "Pre-trade controls on order entry",
        (
            Element("price collars (Art. 15(1)(a))", (C.PRICE_COLLAR,)),
            Element("maximum order values (Art. 15(1)(b))", (C.MAX_ORDER_NOTIONAL,)),
            Element("maximum order volumes (Art. 15(1)(c))", (C.MAX_ORDER_QUANTITY,)),
            Element("maximum messages limits (Art. 15(1)(d))", (C.ORDER_RATE,)),
            Element("repeated automated execution throttles (Art. 15(3)): N breaches within a "
                    "window disable the agent, strategy or account until a person re-enables "
                    "it", (C.EXECUTION_THROTTLE,)),
        ),
        (
            "modifications and cancellations counted against the messages limit: ORDER_RATE "
            "counts orders submitted",
            "a throttle on the number of times a strategy has executed (Art. 15(3)): the "
            "throttle counts orders denied ORDER_RATE (DUPLICATE_ORDER too only with "
            "BULWARK_THROTTLE_DUPLICATES), not executions, with one N and window per deployment",
        ),
        RTS_6,
    ),
    Requirement(
        "rts6-art16",
        Regime.MIFID_RTS_6,
        "Commission Delegated Regulation (EU) 2017/589, Art. 16",
        "Real-time monitoring and alerts",
        (
            Element("the account's orders, decisions and halts streamed as they happen (and "
                    "copied to the desk by the drop copy)", (C.LIVE_EVENTS, C.DROP_COPY)),
            Element("real-time alerts on suspect trading to the desk", (C.SURVEILLANCE,)),
        ),
        ("signs of disorderly trading across venues and markets: Bulwark sees the firm's "
         "own flow",),
        RTS_6,
    ),
    Requirement(
        "rts6-art17",
        Regime.MIFID_RTS_6,
        "Commission Delegated Regulation (EU) 2017/589, Art. 17",
        "Post-trade controls and exposure limits",
        (
            Element("limits on the account's market and credit exposure and positions", _EXPOSURE),
            Element("losses watched after trades (daily loss, drawdown)", _LOSS),
        ),
        ("the firm's exposure over every client at entity level (Art. 17(3)): Bulwark "
         "computes it per account and per book",),
        RTS_6,
    ),
)  # fmt: skip

AGENTS = (
    Requirement(
        "finra-2026-agents-human-validation",
        Regime.FINRA_2026_AGENTS,
        "FINRA 2026 Annual Regulatory Oversight Report, GenAI: AI agents (autonomy)",
        "Agents acting without human validation and approval",
        (
            Element("an agent's orders past a limit wait for a person's approval",
                    (C.HELD_ORDER_APPROVAL,)),
            Element("an agent never approves an order nor resumes a halt", (C.KEY_SCOPES,)),
        ),
        (),
        FINRA_2026,
    ),
    Requirement(
        "finra-2026-agents-scope",
        Regime.FINRA_2026_AGENTS,
        "FINRA 2026 Annual Regulatory Oversight Report, GenAI: AI agents (scope and authority)",
        "Agents acting beyond their scope and authority",
        (
            Element("an agent acts only on the accounts granted to it, within its key's scopes",
                    (C.KEY_SCOPES,)),
            Element("limits that bind the agent's own orders", (C.AGENT_SCOPED_RULES,)),
            Element("a person can halt the agent alone", (C.AGENT_HALT,)),
        ),
        (),
        FINRA_2026,
    ),
    Requirement(
        "finra-2026-agents-auditability",
        Regime.FINRA_2026_AGENTS,
        "FINRA 2026 Annual Regulatory Oversight Report, GenAI: AI agents (auditability)",
        "Tracing agents' actions and decisions",
        (
            Element("each order names the agent and the way it came in, with the gate's "
                    "decision and reasons", (C.ORDER_ORIGIN,)),
            Element("a tamper-evident record of actions", (C.AUDIT_CHAIN,)),
        ),
        ("the agent's own reasoning (prompts, tool calls, model output): Bulwark records what "
         "the agent asked of it, not why",),
        FINRA_2026,
    ),
)  # fmt: skip

# Every requirement, in the order reports list them.
CATALOG: Final[tuple[Requirement, ...]] = (*SEC, *FINRA, *RTS6, *AGENTS)
BY_ID: Final[Mapping[str, Requirement]] = {r.id: r for r in CATALOG}
