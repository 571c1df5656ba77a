from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.retirement_limits_out_roth_phase_out import RetirementLimitsOutRothPhaseOut





T = TypeVar("T", bound="RetirementLimitsOut")



@_attrs_define
class RetirementLimitsOut:
    """ 
        Attributes:
            annual_additions (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            catch_up_50 (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            catch_up_60_63 (None | str):
            compensation_cap (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            elective_deferral (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            gift_exclusion (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            hsa_catch_up_55 (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            hsa_family (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            hsa_self (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            ira (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places, rounded
                half-even, never in exponent notation
            ira_catch_up_50 (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            roth_phase_out (RetirementLimitsOutRothPhaseOut):
            sources (list[str]):
            tax_year (int):
     """

    annual_additions: str
    catch_up_50: str
    catch_up_60_63: None | str
    compensation_cap: str
    elective_deferral: str
    gift_exclusion: str
    hsa_catch_up_55: str
    hsa_family: str
    hsa_self: str
    ira: str
    ira_catch_up_50: str
    roth_phase_out: RetirementLimitsOutRothPhaseOut
    sources: list[str]
    tax_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.retirement_limits_out_roth_phase_out import RetirementLimitsOutRothPhaseOut # noqa: PLC0415
        annual_additions = self.annual_additions

        catch_up_50 = self.catch_up_50

        catch_up_60_63: None | str
        catch_up_60_63 = self.catch_up_60_63

        compensation_cap = self.compensation_cap

        elective_deferral = self.elective_deferral

        gift_exclusion = self.gift_exclusion

        hsa_catch_up_55 = self.hsa_catch_up_55

        hsa_family = self.hsa_family

        hsa_self = self.hsa_self

        ira = self.ira

        ira_catch_up_50 = self.ira_catch_up_50

        roth_phase_out = self.roth_phase_out.to_dict()

        sources = self.sources



        tax_year = self.tax_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annual_additions": annual_additions,
            "catch_up_50": catch_up_50,
            "catch_up_60_63": catch_up_60_63,
            "compensation_cap": compensation_cap,
            "elective_deferral": elective_deferral,
            "gift_exclusion": gift_exclusion,
            "hsa_catch_up_55": hsa_catch_up_55,
            "hsa_family": hsa_family,
            "hsa_self": hsa_self,
            "ira": ira,
            "ira_catch_up_50": ira_catch_up_50,
            "roth_phase_out": roth_phase_out,
            "sources": sources,
            "tax_year": tax_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retirement_limits_out_roth_phase_out import RetirementLimitsOutRothPhaseOut # noqa: PLC0415
        d = dict(src_dict)
        annual_additions = d.pop("annual_additions")

        catch_up_50 = d.pop("catch_up_50")

        def _parse_catch_up_60_63(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        catch_up_60_63 = _parse_catch_up_60_63(d.pop("catch_up_60_63"))


        compensation_cap = d.pop("compensation_cap")

        elective_deferral = d.pop("elective_deferral")

        gift_exclusion = d.pop("gift_exclusion")

        hsa_catch_up_55 = d.pop("hsa_catch_up_55")

        hsa_family = d.pop("hsa_family")

        hsa_self = d.pop("hsa_self")

        ira = d.pop("ira")

        ira_catch_up_50 = d.pop("ira_catch_up_50")

        roth_phase_out = RetirementLimitsOutRothPhaseOut.from_dict(d.pop("roth_phase_out"))




        sources = cast(list[str], d.pop("sources"))


        tax_year = d.pop("tax_year")

        retirement_limits_out = cls(
            annual_additions=annual_additions,
            catch_up_50=catch_up_50,
            catch_up_60_63=catch_up_60_63,
            compensation_cap=compensation_cap,
            elective_deferral=elective_deferral,
            gift_exclusion=gift_exclusion,
            hsa_catch_up_55=hsa_catch_up_55,
            hsa_family=hsa_family,
            hsa_self=hsa_self,
            ira=ira,
            ira_catch_up_50=ira_catch_up_50,
            roth_phase_out=roth_phase_out,
            sources=sources,
            tax_year=tax_year,
        )


        retirement_limits_out.additional_properties = d
        return retirement_limits_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
