from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.stored_room_in_filing_status_type_1 import StoredRoomInFilingStatusType1
from ..models.stored_room_in_filing_status_type_2_type_1 import StoredRoomInFilingStatusType2Type1
from ..models.stored_room_in_filing_status_type_3_type_1 import StoredRoomInFilingStatusType3Type1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="StoredRoomIn")



@_attrs_define
class StoredRoomIn:
    """ 
        Attributes:
            tax_year (int):
            filing_status (None | StoredRoomInFilingStatusType1 | StoredRoomInFilingStatusType2Type1 |
                StoredRoomInFilingStatusType3Type1 | Unset): Default: your profile's, else single
            magi (None | str | Unset): Modified AGI (Roth IRA)
     """

    tax_year: int
    filing_status: None | StoredRoomInFilingStatusType1 | StoredRoomInFilingStatusType2Type1 | StoredRoomInFilingStatusType3Type1 | Unset = UNSET
    magi: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        tax_year = self.tax_year

        filing_status: None | str | Unset
        if isinstance(self.filing_status, Unset):
            filing_status = UNSET
        elif isinstance(self.filing_status, StoredRoomInFilingStatusType1):
            filing_status = self.filing_status.value
        elif isinstance(self.filing_status, StoredRoomInFilingStatusType2Type1):
            filing_status = self.filing_status.value
        elif isinstance(self.filing_status, StoredRoomInFilingStatusType3Type1):
            filing_status = self.filing_status.value
        else:
            filing_status = self.filing_status

        magi: None | str | Unset
        if isinstance(self.magi, Unset):
            magi = UNSET
        else:
            magi = self.magi


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "tax_year": tax_year,
        })
        if filing_status is not UNSET:
            field_dict["filing_status"] = filing_status
        if magi is not UNSET:
            field_dict["magi"] = magi

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tax_year = d.pop("tax_year")

        def _parse_filing_status(data: object) -> None | StoredRoomInFilingStatusType1 | StoredRoomInFilingStatusType2Type1 | StoredRoomInFilingStatusType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_1 = StoredRoomInFilingStatusType1(data)



                return filing_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_2_type_1 = StoredRoomInFilingStatusType2Type1(data)



                return filing_status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filing_status_type_3_type_1 = StoredRoomInFilingStatusType3Type1(data)



                return filing_status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StoredRoomInFilingStatusType1 | StoredRoomInFilingStatusType2Type1 | StoredRoomInFilingStatusType3Type1 | Unset, data)

        filing_status = _parse_filing_status(d.pop("filing_status", UNSET))


        def _parse_magi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        magi = _parse_magi(d.pop("magi", UNSET))


        stored_room_in = cls(
            tax_year=tax_year,
            filing_status=filing_status,
            magi=magi,
        )


        stored_room_in.additional_properties = d
        return stored_room_in

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
