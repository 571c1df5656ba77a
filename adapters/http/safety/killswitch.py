"""Kill switch: activate with a passcode, resume with four-eyes, and see states and activations."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from litestar import Controller, Request, get, post, put
from litestar.params import JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.key_scopes import needs
from adapters.http.observability import arrived_at
from adapters.http.safety import SafetyDep, problems
from adapters.http.safety.killswitch_schemas import (
    ActivateIn,
    AgentHaltIn,
    KillSwitchEventOut,
    KillSwitchEventsOut,
    KillSwitchStatusOut,
    PasscodeChangeIn,
    ResumeIn,
    ScopeStateOut,
)
from adapters.http.security import HUMANS, READERS_AND_AGENTS, require_roles
from adapters.http.step_up import require_step_up
from application.safety.killswitch import ActivateKillSwitch, ResumeTrading
from domain.identity.permissions import Permission
from domain.killswitch.state import Scope, TradingState
from domain.principals import Role

_LOCKED = "KILL_SWITCH_LOCKED after repeated wrong passcodes"
_ACTIVATE_NOTES = {
    403: "WRONG_PASSCODE (audited), or FORBIDDEN: the global scope needs a supervisor; agents",
    423: _LOCKED,
    503: (
        "STORE_UNAVAILABLE: the store is down and this process has not read the caller's "
        "passcode (or access to the scope) since it started; nothing was halted"
    ),
}
_RESUME_NOTES = {
    403: "FOUR_EYES_REQUIRED, WRONG_PASSCODE (either passcode), or FORBIDDEN",
    423: _LOCKED,
}


class KillSwitchController(Controller):
    """`/api/v1/kill-switch`"""

    path = "/kill-switch"

    @put(
        "/passcode",
        summary="Set or change your kill-switch passcode",
        description=(
            "204. Changing a passcode needs `current_passcode` (403 WRONG_PASSCODE when missing "
            f"or wrong; {_LOCKED}). A user with MFA on an untrusted device: 403 "
            "STEP_UP_REQUIRED until POST /api/v1/devices/step-up passes."
        ),
        status_code=204,
        guards=[require_roles(*HUMANS), require_step_up],
        responses=problems(
            400, 401, 403, 423, 429, notes={403: "WRONG_PASSCODE, STEP_UP_REQUIRED"}
        ),
    )
    async def change_kill_switch_passcode(
        self, data: JSONBody[PasscodeChangeIn], caller: CallerDep, safety: SafetyDep
    ) -> None:
        await safety.killswitch.change_passcode(
            caller.principal, data.current_passcode, data.passcode
        )

    @post(
        "/activate",
        summary="Halt a scope: cancel every open order at every broker and confirm it",
        description=(
            "201 with the activation record: orders cancelled, whether every broker's open-order "
            "list came back empty (`broker_confirmed`) and each broker's outcome. "
            "403 WRONG_PASSCODE (audited); 423 KILL_SWITCH_LOCKED after repeated wrong passcodes; "
            "403 FORBIDDEN for the global scope unless risk officer or admin; "
            "404 NOT_FOUND for an account or agent not the caller's. Agents: 403. "
            "While the store is down the switch still halts this process and cancels at the "
            "brokers of the accounts it remembers: 201 with `store_unavailable` true (the record "
            "and HALTED are stored once the store is back)."
        ),
        status_code=201,
        guards=[require_roles(*HUMANS)],
        responses=problems(400, 404, 423, 429, 503, notes=_ACTIVATE_NOTES),
    )
    async def activate_kill_switch(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[ActivateIn],
        caller: CallerDep,
        safety: SafetyDep,
    ) -> KillSwitchEventOut:
        command = ActivateKillSwitch(
            principal=caller.principal,
            passcode=data.passcode,
            scope=data.scope.to_domain(),
            flatten=data.flatten,
            received_at=arrived_at(request.scope),
        )
        if data.reason is not None:
            command = replace(command, reason=data.reason)
        return KillSwitchEventOut.from_domain(await safety.killswitch.activate(command))

    @post(
        "/agent-halt",
        summary="An agent halts itself or one of its accounts (it can never resume)",
        description=(
            "201 with the activation record, as /activate, for an agent's API key: no scope (or "
            "its own agent scope) halts the agent; an account scope halts one of the accounts "
            "granted to it. The trigger reads `agent` and the activation is the agent's. "
            "Resuming stays with people (/resume refuses agents). Needs the key's `halt` "
            "scope (403 INSUFFICIENT_SCOPE without it). 403 FORBIDDEN for a person's "
            "credentials or the global scope; 404 NOT_FOUND for another agent or an account "
            "not granted to it."
        ),
        status_code=201,
        guards=[require_roles(Role.AGENT)],
        opt=needs(Permission.HALT),
        responses=problems(400, 404, 429, 503),
    )
    async def halt_as_agent(
        self, data: JSONBody[AgentHaltIn], caller: CallerDep, safety: SafetyDep
    ) -> KillSwitchEventOut:
        principal = caller.principal
        scope = Scope.agent(principal.id) if data.scope is None else data.scope.to_domain()
        event = await safety.killswitch.halt_as_agent(
            principal, scope, data.reason, flatten=data.flatten
        )
        return KillSwitchEventOut.from_domain(event)

    @post(
        "/resume",
        summary="Resume a halted scope (four-eyes: a risk officer approves)",
        description=(
            "200 with the scope's new state. A second person with the risk-officer role names "
            "themselves (`approver_username`) and enters their own passcode "
            "(`approver_passcode`). 403 FOUR_EYES_REQUIRED when the approval is missing or the "
            "approver is not a different risk officer; 403 WRONG_PASSCODE for either passcode; "
            "423 KILL_SWITCH_LOCKED; 404 NOT_FOUND for a scope not the caller's."
        ),
        status_code=200,
        guards=[require_roles(*HUMANS)],
        responses=problems(400, 404, 423, 429, notes=_RESUME_NOTES),
    )
    async def resume_trading(
        self, data: JSONBody[ResumeIn], caller: CallerDep, safety: SafetyDep
    ) -> ScopeStateOut:
        state = await safety.killswitch.resume(
            ResumeTrading(
                principal=caller.principal,
                passcode=data.passcode,
                scope=data.scope.to_domain(),
                approver_passcode=data.approver_passcode,
                to_state=TradingState(data.to_state),
                approver_username=data.approver_username,
            )
        )
        return ScopeStateOut.from_domain(state)

    @get(
        "/status",
        summary="Trading state of every scope the caller may see",
        description=(
            "Global, the caller's accounts and agents (an agent: itself and its accounts); "
            "risk officers and admins see global and every scope that has a recorded state "
            "(any other scope is active)."
        ),
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problems(429),
    )
    async def get_kill_switch_status(
        self, caller: CallerDep, safety: SafetyDep
    ) -> KillSwitchStatusOut:
        states = await safety.killswitch.status_for(caller.principal)
        return KillSwitchStatusOut(scopes=[ScopeStateOut.from_domain(s) for s in states])

    @get(
        "/events",
        summary="Kill-switch activations on the scopes the caller may see, newest first",
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problems(400, 429),
    )
    async def list_kill_switch_events(
        self,
        caller: CallerDep,
        safety: SafetyDep,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
    ) -> KillSwitchEventsOut:
        events = await safety.killswitch.events_for(caller.principal, limit)
        return KillSwitchEventsOut.of(events)


CONTROLLERS: list[Any] = [KillSwitchController]
