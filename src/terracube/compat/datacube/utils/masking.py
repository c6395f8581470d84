"""``datacube.utils.masking``: masks from ``flags_definition`` (:mod:`terracube.api.masking`)."""

from __future__ import annotations

from terracube.api.masking import (
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
