"""`/api/v1/accounts/{id}/account-rules`: an account's settings of the US account rules."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, put
from litestar.params import FromPath, JSONBody

from adapters.http.account_rules import AccountRulesDep, problems
from adapters.http.account_rules.schemas import AccountRulesIn, AccountRulesOut
from adapters.http.deps import CallerDep
from adapters.http.security import reject_agents

_OWNER_ONLY = "Only the account's owner: 404 NOT_FOUND for another's account, agents 403."
_RULES = (
    "The gate denies an option order whose strategy needs a higher level than the account's "
    "(OPTIONS_LEVEL); a margin account's orders also meet the pattern-day-trader rule "
    "(PATTERN_DAY_TRADER) and day-trading buying power (DAY_TRADING_BUYING_POWER), which take "
    "no setting (docs/account-rules.md)."
)


class AccountRulesController(Controller):
    """Show and set an account's options approval level."""

    path = "/accounts/{account_id:str}/account-rules"
    guards = (reject_agents,)

    @get(
        "/",
        summary="An account's settings of the US account rules",
        description=f"{_RULES} {_OWNER_ONLY}",
        responses=problems(404),
    )
    async def get_account_rules(
        self, account_id: FromPath[str], caller: CallerDep, account_rules: AccountRulesDep
    ) -> AccountRulesOut:
        found = await account_rules.service.show(caller.principal, account_id)
        return AccountRulesOut.from_domain(found)

    @put(
        "/",
        summary="Set an account's options approval level",
        description=(
            "`options_level` 0 to 4 (0 none, 1 covered calls and cash-secured puts, 2 long "
            "options, 3 spreads, 4 uncovered), or null to leave option orders unchecked. "
            f"Binds the next order. Audited (`account.options_level`). {_RULES} {_OWNER_ONLY}"
        ),
        responses=problems(400, 404, 422),
    )
    async def put_account_rules(
        self,
        account_id: FromPath[str],
        data: JSONBody[AccountRulesIn],
        caller: CallerDep,
        account_rules: AccountRulesDep,
    ) -> AccountRulesOut:
        changed = await account_rules.service.set_options_level(
            caller.principal, account_id, data.options_level
        )
        return AccountRulesOut.from_domain(changed)


CONTROLLERS: list[Any] = [AccountRulesController]
