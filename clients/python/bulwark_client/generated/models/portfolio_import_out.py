from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.portfolio_import_out_by_account import PortfolioImportOutByAccount
  from ..models.portfolio_import_out_by_kind import PortfolioImportOutByKind





T = TypeVar("T", bound="PortfolioImportOut")



@_attrs_define
class PortfolioImportOut:
    """ 
        Attributes:
            by_account (PortfolioImportOutByAccount):
            by_kind (PortfolioImportOutByKind):
            first_date (datetime.date):
            imported (int): Rows booked (every row of the file)
            last_date (datetime.date):
     """

    by_account: PortfolioImportOutByAccount
    by_kind: PortfolioImportOutByKind
    first_date: datetime.date
    imported: int
    last_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.portfolio_import_out_by_account import PortfolioImportOutByAccount # noqa: PLC0415
        from ..models.portfolio_import_out_by_kind import PortfolioImportOutByKind # noqa: PLC0415
        by_account = self.by_account.to_dict()

        by_kind = self.by_kind.to_dict()

        first_date = self.first_date.isoformat()

        imported = self.imported

        last_date = self.last_date.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_account": by_account,
            "by_kind": by_kind,
            "first_date": first_date,
            "imported": imported,
            "last_date": last_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.portfolio_import_out_by_account import PortfolioImportOutByAccount # noqa: PLC0415
        from ..models.portfolio_import_out_by_kind import PortfolioImportOutByKind # noqa: PLC0415
        d = dict(src_dict)
        by_account = PortfolioImportOutByAccount.from_dict(d.pop("by_account"))




        by_kind = PortfolioImportOutByKind.from_dict(d.pop("by_kind"))




        first_date = datetime.date.fromisoformat(d.pop("first_date"))




        imported = d.pop("imported")

        last_date = datetime.date.fromisoformat(d.pop("last_date"))




        portfolio_import_out = cls(
            by_account=by_account,
            by_kind=by_kind,
            first_date=first_date,
            imported=imported,
            last_date=last_date,
        )


        portfolio_import_out.additional_properties = d
        return portfolio_import_out

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
