from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.component_status import ComponentStatus
  from ..models.compute_out import ComputeOut
  from ..models.in_doubt_out import InDoubtOut
  from ..models.inference_out import InferenceOut
  from ..models.job_leases_out import JobLeasesOut
  from ..models.source_quality_out import SourceQualityOut
  from ..models.status_out_settings import StatusOutSettings





T = TypeVar("T", bound="StatusOut")



@_attrs_define
class StatusOut:
    """ 
        Attributes:
            components (list[ComponentStatus]):
            settings (StatusOutSettings):
            status (str):
            time (datetime.datetime):
            version (str):
            compute (ComputeOut | None | Unset):
            data_quality (list[SourceQualityOut] | None | Unset):
            inference (InferenceOut | None | Unset):
            jobs (JobLeasesOut | None | Unset):
            orders_in_doubt (InDoubtOut | None | Unset):
     """

    components: list[ComponentStatus]
    settings: StatusOutSettings
    status: str
    time: datetime.datetime
    version: str
    compute: ComputeOut | None | Unset = UNSET
    data_quality: list[SourceQualityOut] | None | Unset = UNSET
    inference: InferenceOut | None | Unset = UNSET
    jobs: JobLeasesOut | None | Unset = UNSET
    orders_in_doubt: InDoubtOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.component_status import ComponentStatus # noqa: PLC0415
        from ..models.compute_out import ComputeOut # noqa: PLC0415
        from ..models.in_doubt_out import InDoubtOut # noqa: PLC0415
        from ..models.inference_out import InferenceOut # noqa: PLC0415
        from ..models.job_leases_out import JobLeasesOut # noqa: PLC0415
        from ..models.source_quality_out import SourceQualityOut # noqa: PLC0415
        from ..models.status_out_settings import StatusOutSettings # noqa: PLC0415
        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)



        settings = self.settings.to_dict()

        status = self.status

        time = self.time.isoformat()

        version = self.version

        compute: dict[str, Any] | None | Unset
        if isinstance(self.compute, Unset):
            compute = UNSET
        elif isinstance(self.compute, ComputeOut):
            compute = self.compute.to_dict()
        else:
            compute = self.compute

        data_quality: list[dict[str, Any]] | None | Unset
        if isinstance(self.data_quality, Unset):
            data_quality = UNSET
        elif isinstance(self.data_quality, list):
            data_quality = []
            for data_quality_type_0_item_data in self.data_quality:
                data_quality_type_0_item = data_quality_type_0_item_data.to_dict()
                data_quality.append(data_quality_type_0_item)


        else:
            data_quality = self.data_quality

        inference: dict[str, Any] | None | Unset
        if isinstance(self.inference, Unset):
            inference = UNSET
        elif isinstance(self.inference, InferenceOut):
            inference = self.inference.to_dict()
        else:
            inference = self.inference

        jobs: dict[str, Any] | None | Unset
        if isinstance(self.jobs, Unset):
            jobs = UNSET
        elif isinstance(self.jobs, JobLeasesOut):
            jobs = self.jobs.to_dict()
        else:
            jobs = self.jobs

        orders_in_doubt: dict[str, Any] | None | Unset
        if isinstance(self.orders_in_doubt, Unset):
            orders_in_doubt = UNSET
        elif isinstance(self.orders_in_doubt, InDoubtOut):
            orders_in_doubt = self.orders_in_doubt.to_dict()
        else:
            orders_in_doubt = self.orders_in_doubt


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "components": components,
            "settings": settings,
            "status": status,
            "time": time,
            "version": version,
        })
        if compute is not UNSET:
            field_dict["compute"] = compute
        if data_quality is not UNSET:
            field_dict["data_quality"] = data_quality
        if inference is not UNSET:
            field_dict["inference"] = inference
        if jobs is not UNSET:
            field_dict["jobs"] = jobs
        if orders_in_doubt is not UNSET:
            field_dict["orders_in_doubt"] = orders_in_doubt

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.component_status import ComponentStatus # noqa: PLC0415
        from ..models.compute_out import ComputeOut # noqa: PLC0415
        from ..models.in_doubt_out import InDoubtOut # noqa: PLC0415
        from ..models.inference_out import InferenceOut # noqa: PLC0415
        from ..models.job_leases_out import JobLeasesOut # noqa: PLC0415
        from ..models.source_quality_out import SourceQualityOut # noqa: PLC0415
        from ..models.status_out_settings import StatusOutSettings # noqa: PLC0415
        d = dict(src_dict)
        components = []
        _components = d.pop("components")
        for components_item_data in (_components):
            components_item = ComponentStatus.from_dict(components_item_data)



            components.append(components_item)


        settings = StatusOutSettings.from_dict(d.pop("settings"))




        status = d.pop("status")

        time = datetime.datetime.fromisoformat(d.pop("time"))




        version = d.pop("version")

        def _parse_compute(data: object) -> ComputeOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                compute_type_0 = ComputeOut.from_dict(data)



                return compute_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComputeOut | None | Unset, data)

        compute = _parse_compute(d.pop("compute", UNSET))


        def _parse_data_quality(data: object) -> list[SourceQualityOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_quality_type_0 = []
                _data_quality_type_0 = data
                for data_quality_type_0_item_data in (_data_quality_type_0):
                    data_quality_type_0_item = SourceQualityOut.from_dict(data_quality_type_0_item_data)



                    data_quality_type_0.append(data_quality_type_0_item)

                return data_quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SourceQualityOut] | None | Unset, data)

        data_quality = _parse_data_quality(d.pop("data_quality", UNSET))


        def _parse_inference(data: object) -> InferenceOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                inference_type_0 = InferenceOut.from_dict(data)



                return inference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InferenceOut | None | Unset, data)

        inference = _parse_inference(d.pop("inference", UNSET))


        def _parse_jobs(data: object) -> JobLeasesOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                jobs_type_0 = JobLeasesOut.from_dict(data)



                return jobs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobLeasesOut | None | Unset, data)

        jobs = _parse_jobs(d.pop("jobs", UNSET))


        def _parse_orders_in_doubt(data: object) -> InDoubtOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                orders_in_doubt_type_0 = InDoubtOut.from_dict(data)



                return orders_in_doubt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InDoubtOut | None | Unset, data)

        orders_in_doubt = _parse_orders_in_doubt(d.pop("orders_in_doubt", UNSET))


        status_out = cls(
            components=components,
            settings=settings,
            status=status,
            time=time,
            version=version,
            compute=compute,
            data_quality=data_quality,
            inference=inference,
            jobs=jobs,
            orders_in_doubt=orders_in_doubt,
        )


        status_out.additional_properties = d
        return status_out

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
