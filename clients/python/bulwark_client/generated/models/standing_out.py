from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.book_out import BookOut
  from ..models.limit_out import LimitOut
  from ..models.member_out import MemberOut





T = TypeVar("T", bound="StandingOut")



@_attrs_define
class StandingOut:
    """ 
        Attributes:
            book (BookOut):
            day_pnl (None | str):
            drawdown (None | str):
            equity (None | str):
            gross (None | str):
            limits (list[LimitOut]):
            members (list[MemberOut]):
            net (None | str):
            orders_today (int):
            unknown (list[str]):
     """

    book: BookOut
    day_pnl: None | str
    drawdown: None | str
    equity: None | str
    gross: None | str
    limits: list[LimitOut]
    members: list[MemberOut]
    net: None | str
    orders_today: int
    unknown: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.book_out import BookOut # noqa: PLC0415
        from ..models.limit_out import LimitOut # noqa: PLC0415
        from ..models.member_out import MemberOut # noqa: PLC0415
        book = self.book.to_dict()

        day_pnl: None | str
        day_pnl = self.day_pnl

        drawdown: None | str
        drawdown = self.drawdown

        equity: None | str
        equity = self.equity

        gross: None | str
        gross = self.gross

        limits = []
        for limits_item_data in self.limits:
            limits_item = limits_item_data.to_dict()
            limits.append(limits_item)



        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        net: None | str
        net = self.net

        orders_today = self.orders_today

        unknown = self.unknown




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "book": book,
            "day_pnl": day_pnl,
            "drawdown": drawdown,
            "equity": equity,
            "gross": gross,
            "limits": limits,
            "members": members,
            "net": net,
            "orders_today": orders_today,
            "unknown": unknown,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.book_out import BookOut # noqa: PLC0415
        from ..models.limit_out import LimitOut # noqa: PLC0415
        from ..models.member_out import MemberOut # noqa: PLC0415
        d = dict(src_dict)
        book = BookOut.from_dict(d.pop("book"))




        def _parse_day_pnl(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        day_pnl = _parse_day_pnl(d.pop("day_pnl"))


        def _parse_drawdown(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        drawdown = _parse_drawdown(d.pop("drawdown"))


        def _parse_equity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        equity = _parse_equity(d.pop("equity"))


        def _parse_gross(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gross = _parse_gross(d.pop("gross"))


        limits = []
        _limits = d.pop("limits")
        for limits_item_data in (_limits):
            limits_item = LimitOut.from_dict(limits_item_data)



            limits.append(limits_item)


        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MemberOut.from_dict(members_item_data)



            members.append(members_item)


        def _parse_net(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        net = _parse_net(d.pop("net"))


        orders_today = d.pop("orders_today")

        unknown = cast(list[str], d.pop("unknown"))


        standing_out = cls(
            book=book,
            day_pnl=day_pnl,
            drawdown=drawdown,
            equity=equity,
            gross=gross,
            limits=limits,
            members=members,
            net=net,
            orders_today=orders_today,
            unknown=unknown,
        )


        standing_out.additional_properties = d
        return standing_out

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
