from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.endpoint_in_channel import EndpointInChannel
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.push_subscription_in import PushSubscriptionIn





T = TypeVar("T", bound="EndpointIn")



@_attrs_define
class EndpointIn:
    """ 
        Attributes:
            channel (EndpointInChannel):
            label (str):
            bot_token (None | str | Unset):
            chat_id (None | str | Unset):
            enabled (bool | Unset):  Default: True.
            phone_number (None | str | Unset):
            subscription (None | PushSubscriptionIn | Unset):
            url (None | str | Unset):
     """

    channel: EndpointInChannel
    label: str
    bot_token: None | str | Unset = UNSET
    chat_id: None | str | Unset = UNSET
    enabled: bool | Unset = True
    phone_number: None | str | Unset = UNSET
    subscription: None | PushSubscriptionIn | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.push_subscription_in import PushSubscriptionIn # noqa: PLC0415
        channel = self.channel.value

        label = self.label

        bot_token: None | str | Unset
        if isinstance(self.bot_token, Unset):
            bot_token = UNSET
        else:
            bot_token = self.bot_token

        chat_id: None | str | Unset
        if isinstance(self.chat_id, Unset):
            chat_id = UNSET
        else:
            chat_id = self.chat_id

        enabled = self.enabled

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        subscription: dict[str, Any] | None | Unset
        if isinstance(self.subscription, Unset):
            subscription = UNSET
        elif isinstance(self.subscription, PushSubscriptionIn):
            subscription = self.subscription.to_dict()
        else:
            subscription = self.subscription

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "channel": channel,
            "label": label,
        })
        if bot_token is not UNSET:
            field_dict["bot_token"] = bot_token
        if chat_id is not UNSET:
            field_dict["chat_id"] = chat_id
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if subscription is not UNSET:
            field_dict["subscription"] = subscription
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.push_subscription_in import PushSubscriptionIn # noqa: PLC0415
        d = dict(src_dict)
        channel = EndpointInChannel(d.pop("channel"))




        label = d.pop("label")

        def _parse_bot_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bot_token = _parse_bot_token(d.pop("bot_token", UNSET))


        def _parse_chat_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chat_id = _parse_chat_id(d.pop("chat_id", UNSET))


        enabled = d.pop("enabled", UNSET)

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))


        def _parse_subscription(data: object) -> None | PushSubscriptionIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscription_type_0 = PushSubscriptionIn.from_dict(data)



                return subscription_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PushSubscriptionIn | Unset, data)

        subscription = _parse_subscription(d.pop("subscription", UNSET))


        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        endpoint_in = cls(
            channel=channel,
            label=label,
            bot_token=bot_token,
            chat_id=chat_id,
            enabled=enabled,
            phone_number=phone_number,
            subscription=subscription,
            url=url,
        )


        endpoint_in.additional_properties = d
        return endpoint_in

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
