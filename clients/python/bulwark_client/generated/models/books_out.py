from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.book_out import BookOut





T = TypeVar("T", bound="BooksOut")



@_attrs_define
class BooksOut:
    """ 
        Attributes:
            books (list[BookOut]):
     """

    books: list[BookOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.book_out import BookOut # noqa: PLC0415
        books = []
        for books_item_data in self.books:
            books_item = books_item_data.to_dict()
            books.append(books_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "books": books,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.book_out import BookOut # noqa: PLC0415
        d = dict(src_dict)
        books = []
        _books = d.pop("books")
        for books_item_data in (_books):
            books_item = BookOut.from_dict(books_item_data)



            books.append(books_item)


        books_out = cls(
            books=books,
        )


        books_out.additional_properties = d
        return books_out

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
