"""``datacube.storage.masking``: ODC's older path of ``datacube.utils.masking`` (the same functions)."""

from __future__ import annotations

from terracube.compat.datacube.utils.masking import (
    FLAGS_ATTR_NAME,
    create_mask_value,
    describe_flags_def,
    describe_variable_flags,
    get_flags_def,
    list_flag_names,
    make_mask,
    mask_invalid_data,
    mask_to_dict,
    valid_data_mask,
)

__all__ = [
    "FLAGS_ATTR_NAME",
    "create_mask_value",
    "describe_flags_def",
    "describe_variable_flags",
    "get_flags_def",
    "list_flag_names",
    "make_mask",
    "mask_invalid_data",
    "mask_to_dict",
    "valid_data_mask",
]
