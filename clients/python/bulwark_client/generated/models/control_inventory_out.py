from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.account_controls_out import AccountControlsOut
  from ..models.book_controls_out import BookControlsOut





T = TypeVar("T", bound="ControlInventoryOut")



@_attrs_define
class ControlInventoryOut:
    """ 
        Attributes:
            accounts (list[AccountControlsOut]):
            books (list[BookControlsOut]):
            denials_read (int): How many of each account's latest denials were read
            generated_at (datetime.datetime):
            truncated (bool): More accounts or books matched: narrow with owner_id
     """

    accounts: list[AccountControlsOut]
    books: list[BookControlsOut]
    denials_read: int
    generated_at: datetime.datetime
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_controls_out import AccountControlsOut # noqa: PLC0415
        from ..models.book_controls_out import BookControlsOut # noqa: PLC0415
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)



        books = []
        for books_item_data in self.books:
            books_item = books_item_data.to_dict()
            books.append(books_item)



        denials_read = self.denials_read

        generated_at = self.generated_at.isoformat()

        truncated = self.truncated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts": accounts,
            "books": books,
            "denials_read": denials_read,
            "generated_at": generated_at,
            "truncated": truncated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_controls_out import AccountControlsOut # noqa: PLC0415
        from ..models.book_controls_out import BookControlsOut # noqa: PLC0415
        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in (_accounts):
            accounts_item = AccountControlsOut.from_dict(accounts_item_data)



            accounts.append(accounts_item)


        books = []
        _books = d.pop("books")
        for books_item_data in (_books):
            books_item = BookControlsOut.from_dict(books_item_data)



            books.append(books_item)


        denials_read = d.pop("denials_read")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))




        truncated = d.pop("truncated")

        control_inventory_out = cls(
            accounts=accounts,
            books=books,
            denials_read=denials_read,
            generated_at=generated_at,
            truncated=truncated,
        )


        control_inventory_out.additional_properties = d
        return control_inventory_out

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
