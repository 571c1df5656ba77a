from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.employer_match_out import EmployerMatchOut
  from ..models.retirement_source_out import RetirementSourceOut





T = TypeVar("T", bound="StoredMatchOut")



@_attrs_define
class StoredMatchOut:
    """ 
        Attributes:
            employer_contributed (str): An amount of money in the account's currency: a decimal string with exactly 2
                decimal places, rounded half-even, never in exponent notation
            match (EmployerMatchOut):
            stored (RetirementSourceOut):
            years_of_service (int):
     """

    employer_contributed: str
    match: EmployerMatchOut
    stored: RetirementSourceOut
    years_of_service: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.employer_match_out import EmployerMatchOut # noqa: PLC0415
        from ..models.retirement_source_out import RetirementSourceOut # noqa: PLC0415
        employer_contributed = self.employer_contributed

        match = self.match.to_dict()

        stored = self.stored.to_dict()

        years_of_service = self.years_of_service


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "employer_contributed": employer_contributed,
            "match": match,
            "stored": stored,
            "years_of_service": years_of_service,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employer_match_out import EmployerMatchOut # noqa: PLC0415
        from ..models.retirement_source_out import RetirementSourceOut # noqa: PLC0415
        d = dict(src_dict)
        employer_contributed = d.pop("employer_contributed")

        match = EmployerMatchOut.from_dict(d.pop("match"))




        stored = RetirementSourceOut.from_dict(d.pop("stored"))




        years_of_service = d.pop("years_of_service")

        stored_match_out = cls(
            employer_contributed=employer_contributed,
            match=match,
            stored=stored,
            years_of_service=years_of_service,
        )


        stored_match_out.additional_properties = d
        return stored_match_out

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
