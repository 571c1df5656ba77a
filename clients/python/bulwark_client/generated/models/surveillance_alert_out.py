from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.surveillance_alert_out_observed import SurveillanceAlertOutObserved
  from ..models.surveillance_alert_out_thresholds import SurveillanceAlertOutThresholds
  from ..models.surveillance_evidence_out import SurveillanceEvidenceOut





T = TypeVar("T", bound="SurveillanceAlertOut")



@_attrs_define
class SurveillanceAlertOut:
    """ 
        Attributes:
            accounts (list[str]):
            acknowledged_at (datetime.datetime | None):
            acknowledged_by (None | str):
            action (str): none, pending, paused, warned or failed
            action_detail (str):
            agents (list[str]):
            closed_at (datetime.datetime | None):
            closed_by (None | str):
            created_at (datetime.datetime):
            detected_at (datetime.datetime):
            evidence (SurveillanceEvidenceOut):
            id (str):
            note (str):
            observed (SurveillanceAlertOutObserved):
            owner_id (str): The beneficial owner (the accounts' owner)
            pattern (str): spoofing, layering, wash_trading, quote_stuffing, momentum_ignition, marking_the_close
            rule (str): The detector (the pattern's name)
            score (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            severity (str): low, medium or high (high: the policy acts)
            started_at (datetime.datetime):
            status (str): open -> acknowledged -> closed
            symbol (str):
            thresholds (SurveillanceAlertOutThresholds):
            version (int): Send it back as `version` to review optimistically
     """

    accounts: list[str]
    acknowledged_at: datetime.datetime | None
    acknowledged_by: None | str
    action: str
    action_detail: str
    agents: list[str]
    closed_at: datetime.datetime | None
    closed_by: None | str
    created_at: datetime.datetime
    detected_at: datetime.datetime
    evidence: SurveillanceEvidenceOut
    id: str
    note: str
    observed: SurveillanceAlertOutObserved
    owner_id: str
    pattern: str
    rule: str
    score: float
    severity: str
    started_at: datetime.datetime
    status: str
    symbol: str
    thresholds: SurveillanceAlertOutThresholds
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.surveillance_alert_out_observed import SurveillanceAlertOutObserved # noqa: PLC0415
        from ..models.surveillance_alert_out_thresholds import SurveillanceAlertOutThresholds # noqa: PLC0415
        from ..models.surveillance_evidence_out import SurveillanceEvidenceOut # noqa: PLC0415
        accounts = self.accounts



        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledged_by: None | str
        acknowledged_by = self.acknowledged_by

        action = self.action

        action_detail = self.action_detail

        agents = self.agents



        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closed_by: None | str
        closed_by = self.closed_by

        created_at = self.created_at.isoformat()

        detected_at = self.detected_at.isoformat()

        evidence = self.evidence.to_dict()

        id = self.id

        note = self.note

        observed = self.observed.to_dict()

        owner_id = self.owner_id

        pattern = self.pattern

        rule = self.rule

        score = self.score

        severity = self.severity

        started_at = self.started_at.isoformat()

        status = self.status

        symbol = self.symbol

        thresholds = self.thresholds.to_dict()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts": accounts,
            "acknowledged_at": acknowledged_at,
            "acknowledged_by": acknowledged_by,
            "action": action,
            "action_detail": action_detail,
            "agents": agents,
            "closed_at": closed_at,
            "closed_by": closed_by,
            "created_at": created_at,
            "detected_at": detected_at,
            "evidence": evidence,
            "id": id,
            "note": note,
            "observed": observed,
            "owner_id": owner_id,
            "pattern": pattern,
            "rule": rule,
            "score": score,
            "severity": severity,
            "started_at": started_at,
            "status": status,
            "symbol": symbol,
            "thresholds": thresholds,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.surveillance_alert_out_observed import SurveillanceAlertOutObserved # noqa: PLC0415
        from ..models.surveillance_alert_out_thresholds import SurveillanceAlertOutThresholds # noqa: PLC0415
        from ..models.surveillance_evidence_out import SurveillanceEvidenceOut # noqa: PLC0415
        d = dict(src_dict)
        accounts = cast(list[str], d.pop("accounts"))


        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)



                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))


        def _parse_acknowledged_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by"))


        action = d.pop("action")

        action_detail = d.pop("action_detail")

        agents = cast(list[str], d.pop("agents"))


        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))


        def _parse_closed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_by = _parse_closed_by(d.pop("closed_by"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        detected_at = datetime.datetime.fromisoformat(d.pop("detected_at"))




        evidence = SurveillanceEvidenceOut.from_dict(d.pop("evidence"))




        id = d.pop("id")

        note = d.pop("note")

        observed = SurveillanceAlertOutObserved.from_dict(d.pop("observed"))




        owner_id = d.pop("owner_id")

        pattern = d.pop("pattern")

        rule = d.pop("rule")

        score = d.pop("score")

        severity = d.pop("severity")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        status = d.pop("status")

        symbol = d.pop("symbol")

        thresholds = SurveillanceAlertOutThresholds.from_dict(d.pop("thresholds"))




        version = d.pop("version")

        surveillance_alert_out = cls(
            accounts=accounts,
            acknowledged_at=acknowledged_at,
            acknowledged_by=acknowledged_by,
            action=action,
            action_detail=action_detail,
            agents=agents,
            closed_at=closed_at,
            closed_by=closed_by,
            created_at=created_at,
            detected_at=detected_at,
            evidence=evidence,
            id=id,
            note=note,
            observed=observed,
            owner_id=owner_id,
            pattern=pattern,
            rule=rule,
            score=score,
            severity=severity,
            started_at=started_at,
            status=status,
            symbol=symbol,
            thresholds=thresholds,
            version=version,
        )


        surveillance_alert_out.additional_properties = d
        return surveillance_alert_out

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
