"""`/api/v1/wealth/profile`: your investor profile; an admin reads anyone's by user id."""

from __future__ import annotations

from litestar import Controller, get, put
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.problems import problem_responses
from adapters.http.security import READERS, require_roles
from adapters.http.wealth import WealthDep
from adapters.http.wealth.wealth_schemas import CriteriaOut, InvestorProfileIn, InvestorProfileOut

_NONE = "404 INVESTOR_PROFILE_NOT_FOUND until you PUT it."


class InvestorProfileController(Controller):
    """Your investor profile (docs/wealth.md)."""

    path = "/wealth"
    guards = (require_roles(*READERS),)  # a viewer's PUT: 403 (read_only.py)

    @get(
        "/profile",
        summary="Your investor profile",
        description=f"Risk tolerance, horizon, tax brackets, accredited bases, terms. {_NONE}",
        responses=problem_responses(401, 403, 404, 429),
    )
    async def get_investor_profile(
        self, caller: CallerDep, wealth: WealthDep
    ) -> InvestorProfileOut:
        found = await wealth.profiles.profile(caller.principal)
        return InvestorProfileOut.from_domain(found, wealth.profiles.terms_version)

    @put(
        "/profile",
        summary="Create or replace your investor profile",
        description=(
            "Audited. `risk_tolerance` wins over `questionnaire_score` (0..100 in bands of 20). "
            "`accept_terms` must name the current terms version. 422 INVALID_INVESTOR_PROFILE "
            "names the field out of range."
        ),
        responses=problem_responses(400, 401, 403, 422, 429),
    )
    async def set_investor_profile(
        self, data: JSONBody[InvestorProfileIn], caller: CallerDep, wealth: WealthDep
    ) -> InvestorProfileOut:
        saved = await wealth.profiles.put(caller.principal, data.to_change())
        return InvestorProfileOut.from_domain(saved, wealth.profiles.terms_version)

    @get(
        "/profiles/{user_id:str}",
        summary="A user's investor profile (your own, or anyone's for an admin)",
        description=f"Another user's profile answers 404 unless you are an admin. {_NONE}",
        responses=problem_responses(401, 403, 404, 429),
    )
    async def get_user_investor_profile(
        self, user_id: FromPath[str], caller: CallerDep, wealth: WealthDep
    ) -> InvestorProfileOut:
        found = await wealth.profiles.profile_of(caller.principal, user_id)
        return InvestorProfileOut.from_domain(found, wealth.profiles.terms_version)

    @get(
        "/accredited-criteria",
        summary="The SEC's accredited-investor bases a profile may attest to",
        responses=problem_responses(401, 403, 429),
    )
    async def list_accredited_criteria(self, wealth: WealthDep) -> CriteriaOut:
        return CriteriaOut.build(wealth.profiles.terms_version)


CONTROLLERS = [InvestorProfileController]
