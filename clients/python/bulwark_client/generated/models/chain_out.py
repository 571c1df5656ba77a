from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.contract_out import ContractOut
  from ..models.expiry_out import ExpiryOut
  from ..models.gex_out import GexOut
  from ..models.put_call_out import PutCallOut
  from ..models.sweep_out import SweepOut
  from ..models.whale_thresholds_out import WhaleThresholdsOut





T = TypeVar("T", bound="ChainOut")



@_attrs_define
class ChainOut:
    """ 
        Attributes:
            at (datetime.datetime):
            atm_iv_30d (float | None): 30-day constant-maturity ATM IV of the whole chain (total variance)
            contracts (list[ContractOut]):
            dividend_yield (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            expiries (list[ExpiryOut]):
            expiry (datetime.date | None):
            gex (GexOut):
            put_call (PutCallOut):
            rate (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            spot (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            sweeps (list[SweepOut]): Recent same-side buying bursts seen across reads
            underlying (str):
            whale_thresholds (WhaleThresholdsOut):
     """

    at: datetime.datetime
    atm_iv_30d: float | None
    contracts: list[ContractOut]
    dividend_yield: float
    expiries: list[ExpiryOut]
    expiry: datetime.date | None
    gex: GexOut
    put_call: PutCallOut
    rate: float
    spot: float
    sweeps: list[SweepOut]
    underlying: str
    whale_thresholds: WhaleThresholdsOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_out import ContractOut # noqa: PLC0415
        from ..models.expiry_out import ExpiryOut # noqa: PLC0415
        from ..models.gex_out import GexOut # noqa: PLC0415
        from ..models.put_call_out import PutCallOut # noqa: PLC0415
        from ..models.sweep_out import SweepOut # noqa: PLC0415
        from ..models.whale_thresholds_out import WhaleThresholdsOut # noqa: PLC0415
        at = self.at.isoformat()

        atm_iv_30d: float | None
        atm_iv_30d = self.atm_iv_30d

        contracts = []
        for contracts_item_data in self.contracts:
            contracts_item = contracts_item_data.to_dict()
            contracts.append(contracts_item)



        dividend_yield = self.dividend_yield

        expiries = []
        for expiries_item_data in self.expiries:
            expiries_item = expiries_item_data.to_dict()
            expiries.append(expiries_item)



        expiry: None | str
        if isinstance(self.expiry, datetime.date):
            expiry = self.expiry.isoformat()
        else:
            expiry = self.expiry

        gex = self.gex.to_dict()

        put_call = self.put_call.to_dict()

        rate = self.rate

        spot = self.spot

        sweeps = []
        for sweeps_item_data in self.sweeps:
            sweeps_item = sweeps_item_data.to_dict()
            sweeps.append(sweeps_item)



        underlying = self.underlying

        whale_thresholds = self.whale_thresholds.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "atm_iv_30d": atm_iv_30d,
            "contracts": contracts,
            "dividend_yield": dividend_yield,
            "expiries": expiries,
            "expiry": expiry,
            "gex": gex,
            "put_call": put_call,
            "rate": rate,
            "spot": spot,
            "sweeps": sweeps,
            "underlying": underlying,
            "whale_thresholds": whale_thresholds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_out import ContractOut # noqa: PLC0415
        from ..models.expiry_out import ExpiryOut # noqa: PLC0415
        from ..models.gex_out import GexOut # noqa: PLC0415
        from ..models.put_call_out import PutCallOut # noqa: PLC0415
        from ..models.sweep_out import SweepOut # noqa: PLC0415
        from ..models.whale_thresholds_out import WhaleThresholdsOut # noqa: PLC0415
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_atm_iv_30d(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        atm_iv_30d = _parse_atm_iv_30d(d.pop("atm_iv_30d"))


        contracts = []
        _contracts = d.pop("contracts")
        for contracts_item_data in (_contracts):
            contracts_item = ContractOut.from_dict(contracts_item_data)



            contracts.append(contracts_item)


        dividend_yield = d.pop("dividend_yield")

        expiries = []
        _expiries = d.pop("expiries")
        for expiries_item_data in (_expiries):
            expiries_item = ExpiryOut.from_dict(expiries_item_data)



            expiries.append(expiries_item)


        def _parse_expiry(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiry_type_0 = datetime.date.fromisoformat(data)



                return expiry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expiry = _parse_expiry(d.pop("expiry"))


        gex = GexOut.from_dict(d.pop("gex"))




        put_call = PutCallOut.from_dict(d.pop("put_call"))




        rate = d.pop("rate")

        spot = d.pop("spot")

        sweeps = []
        _sweeps = d.pop("sweeps")
        for sweeps_item_data in (_sweeps):
            sweeps_item = SweepOut.from_dict(sweeps_item_data)



            sweeps.append(sweeps_item)


        underlying = d.pop("underlying")

        whale_thresholds = WhaleThresholdsOut.from_dict(d.pop("whale_thresholds"))




        chain_out = cls(
            at=at,
            atm_iv_30d=atm_iv_30d,
            contracts=contracts,
            dividend_yield=dividend_yield,
            expiries=expiries,
            expiry=expiry,
            gex=gex,
            put_call=put_call,
            rate=rate,
            spot=spot,
            sweeps=sweeps,
            underlying=underlying,
            whale_thresholds=whale_thresholds,
        )


        chain_out.additional_properties = d
        return chain_out

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
