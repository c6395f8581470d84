"""Masks from a band's ``flags_definition``: bit flags, multi-bit fields and nodata.

A product's mask band (a pixel-quality band, a classification) describes what its integer
values mean in its ``flags_definition``: for each *flag* the ``bits`` it occupies (one bit
number, or a list of them for a multi-bit field) and the meaning of each value of those bits::

    flags_definition:
      nodata: {bits: 0, values: {0: false, 1: true}}
      cloud:  {bits: [1, 2], values: {0: none, 1: low, 2: medium, 3: high}}

``Datacube.load`` copies it into the ``flags_definition`` attribute of the loaded band, and
:func:`make_mask` turns flag names and meanings into a boolean mask::

    clear = make_mask(ds.pixel_qa, nodata=False, cloud="none")

A multi-bit field's value is read from its lowest bit up (``cloud="medium"`` above means bits 1
and 2 hold ``0b10``). Several flags in one call must all hold (logical AND). These are the
semantics of ODC's ``datacube.utils.masking``, whose names this module keeps.

Nothing here touches the index or storage: the functions take and return xarray objects (NumPy
or Dask backed; Dask arrays stay lazy).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from terracube.errors import MaskingError

if TYPE_CHECKING:
    import pandas as pd
    import xarray as xr

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

#: The attribute of a loaded band holding its flags definition.
FLAGS_ATTR_NAME = "flags_definition"


# --- reading a flags definition -------------------------------------------------------------


def get_flags_def(variable: xr.DataArray | xr.Dataset) -> Mapping[str, Any]:
    """The flags definition of a mask band, or of the first band of a Dataset that has one.

    Parameters
    ----------
    variable
        A loaded band (``ds.pixel_qa``) or a Dataset holding one.

    Returns
    -------
    Mapping
        Flag name -> ``{"bits": ..., "values": {...}, "description": ...}``.

    Raises
    ------
    MaskingError
        Neither the object nor any of its bands has a ``flags_definition`` attribute.
    """
    own = getattr(variable, "attrs", {}).get(FLAGS_ATTR_NAME)
    if own is not None:
        return _checked(own, _name_of(variable))
    for name, var in getattr(variable, "data_vars", {}).items():
        found = var.attrs.get(FLAGS_ATTR_NAME)
        if found is not None:
            return _checked(found, str(name))
    raise MaskingError(
        f"{_name_of(variable)} has no {FLAGS_ATTR_NAME!r} attribute: load a band whose product "
        "measurement defines flags_definition (or set the attribute)"
    )


def list_flag_names(variable: xr.DataArray | xr.Dataset) -> list[str]:
    """The flag names a mask band defines, sorted.

    Raises
    ------
    MaskingError
        No flags definition (see :func:`get_flags_def`).
    """
    return sorted(get_flags_def(variable))


def _name_of(variable: Any) -> str:
    name = getattr(variable, "name", None)
    return f"band {name!r}" if name is not None else type(variable).__name__


def _bits(flag: str, defn: Any) -> list[int]:
    if not isinstance(defn, Mapping) or "bits" not in defn or not isinstance(defn.get("values"), Mapping):
        raise MaskingError(
            f"flag {flag!r} is malformed: {defn!r}; a flag has 'bits' (a bit number or a list of "
            "them) and 'values' (value -> meaning)"
        )
    raw = defn["bits"]
    bits = [raw] if isinstance(raw, int) else list(raw) if isinstance(raw, list | tuple) else None
    if not bits or any(not isinstance(b, int) or isinstance(b, bool) or b < 0 for b in bits):
        raise MaskingError(f"flag {flag!r} has bits {raw!r}; give a bit number >= 0 or a list of them")
    return bits


def _checked(flags_def: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(flags_def, Mapping):
        raise MaskingError(f"the {FLAGS_ATTR_NAME} of {where} is {flags_def!r}, not a mapping of flags")
    for flag, defn in flags_def.items():
        _bits(flag, defn)
    return flags_def


def _field_mask(bits: list[int]) -> int:
    mask = 0
    for b in bits:
        mask |= 1 << b
    return mask


# --- flags -> (mask, value) -------------------------------------------------------------------


def create_mask_value(flags_def: Mapping[str, Any], **flags: Any) -> tuple[int, int]:
    """The bit mask and the value under it that select pixels where all ``flags`` hold.

    Parameters
    ----------
    flags_def
        A flags definition (see :func:`get_flags_def`).
    **flags
        Flag name -> meaning, as written in the definition's ``values`` (``cloud="high"``,
        ``nodata=False``).

    Returns
    -------
    (int, int)
        ``(mask, value)``: a pixel matches when ``pixel & mask == value``.

    Raises
    ------
    MaskingError
        An unknown flag or meaning, a meaning that several values share, a value that does not
        fit its bits, or two flags that want different values of one bit.

    Examples
    --------
    >>> fd = {"cloud": {"bits": [1, 2], "values": {0: "none", 3: "high"}}, "nodata": {"bits": 0, "values": {0: False, 1: True}}}
    >>> create_mask_value(fd, cloud="high", nodata=False)
    (7, 6)
    """
    mask = 0
    value = 0
    for flag, meaning in flags.items():
        defn = flags_def.get(flag)
        if defn is None:
            raise MaskingError(f"unknown flag {flag!r}; the band's flags are {sorted(flags_def)}")
        bits = _bits(flag, defn)
        matches = [v for v, m in defn["values"].items() if m == meaning]
        if len(matches) != 1:
            known = list(defn["values"].values())
            if not matches:
                raise MaskingError(f"unknown value {meaning!r} for flag {flag!r}; its values are {known}")
            raise MaskingError(
                f"value {meaning!r} of flag {flag!r} is given by several bit values {matches}; "
                "compare the band with each of them instead"
            )
        try:
            number = int(matches[0])  # keys are strings once a document went through JSON
        except (TypeError, ValueError):
            raise MaskingError(
                f"flag {flag!r} maps the key {matches[0]!r}, not an integer, to {meaning!r}"
            ) from None
        field = _field_mask(bits)
        shifted = number << min(bits)
        if number < 0 or shifted & ~field:
            raise MaskingError(f"value {number} of flag {flag!r} does not fit in its bits {defn['bits']!r}")
        overlap = mask & field
        if (value & overlap) != (shifted & overlap):
            raise MaskingError(
                f"flag {flag!r}={meaning!r} contradicts an earlier flag on bits {_bit_list(overlap)}; "
                "no pixel can match both"
            )
        mask |= field
        value |= shifted
    return mask, value


def _bit_list(mask: int) -> list[int]:
    return [b for b in range(mask.bit_length()) if mask >> b & 1]


def mask_to_dict(flags_def: Mapping[str, Any], mask_value: int) -> dict[str, Any]:
    """The meaning of every flag for one pixel value.

    Parameters
    ----------
    flags_def
        A flags definition.
    mask_value
        One integer value of the mask band.

    Returns
    -------
    dict
        Flag name -> meaning, for the flags whose bits hold a value the definition names.

    Examples
    --------
    >>> fd = {"cloud": {"bits": [1, 2], "values": {0: "none", 3: "high"}}, "nodata": {"bits": 0, "values": {0: False, 1: True}}}
    >>> mask_to_dict(fd, 6)
    {'cloud': 'high', 'nodata': False}
    """
    out: dict[str, Any] = {}
    for flag, defn in flags_def.items():
        bits = _bits(flag, defn)
        held = (int(mask_value) & _field_mask(bits)) >> min(bits)
        for number, meaning in defn["values"].items():
            if int(number) == held:
                out[flag] = meaning
                break
    return out


# --- masks on xarray objects ------------------------------------------------------------------


def make_mask(variable: xr.DataArray | xr.Dataset, **flags: Any) -> Any:
    """A boolean mask of the pixels where every given flag has the given meaning.

    Parameters
    ----------
    variable
        An integer mask band with a ``flags_definition`` attribute (as ``Datacube.load`` gives
        it), or a Dataset of such bands (each is masked with the first definition found).
    **flags
        Flag name -> meaning; all must hold (``make_mask(ds.fmask, fmask="valid")``,
        ``make_mask(ds.pixel_qa, cloud="none", nodata=False)``).

    Returns
    -------
    xarray.DataArray or xarray.Dataset
        Boolean, the shape of `variable` (lazy if it is).

    Raises
    ------
    MaskingError
        No flags definition, an unknown flag or meaning (see :func:`create_mask_value`), or a
        band that is not of an integer type (make masks before :func:`mask_invalid_data`, which
        turns bands to floating point).
    """
    flags_def = get_flags_def(variable)
    mask, value = create_mask_value(flags_def, **flags)
    arrays = variable.data_vars.items() if hasattr(variable, "data_vars") else [(variable.name, variable)]
    for name, arr in arrays:
        if arr.dtype.kind not in "iub":
            raise MaskingError(
                f"make_mask needs integer bands; band {name!r} is {arr.dtype}. Make the mask from the "
                "band as loaded (mask_invalid_data turns bands to floating point)"
            )
    return (variable & mask) == value


def _valid(values: Any, nodata: Any) -> Any:
    import numpy as np

    if values.dtype.kind == "f":
        ok = ~np.isnan(values)
        if nodata is not None and not math.isnan(float(nodata)):
            ok &= values != nodata
        return ok
    if nodata is None:
        return np.ones(values.shape, dtype=bool)
    return values != nodata


def valid_data_mask(data: xr.DataArray | xr.Dataset) -> Any:
    """True where a band holds data: not its ``nodata`` attribute, and not NaN.

    Parameters
    ----------
    data
        A band or a Dataset of bands (each uses its own ``nodata``).

    Returns
    -------
    xarray.DataArray or xarray.Dataset
        Boolean, the shape of `data`. A band without ``nodata`` is valid everywhere it is not
        NaN.

    Raises
    ------
    TypeError
        `data` is not an xarray object.
    """
    import xarray as xr

    if isinstance(data, xr.Dataset):
        return data.map(valid_data_mask)
    if not isinstance(data, xr.DataArray):
        raise TypeError(f"valid_data_mask takes an xarray Dataset or DataArray, not {type(data).__name__}")
    nodata = data.attrs.get("nodata")
    return xr.apply_ufunc(_valid, data, kwargs={"nodata": nodata}, dask="parallelized", output_dtypes=[bool])


def mask_invalid_data(data: xr.DataArray | xr.Dataset, keep_attrs: bool = True) -> Any:
    """Set every ``nodata`` pixel to NaN (integer bands become floating point).

    Parameters
    ----------
    data
        A band or a Dataset of bands (each uses its own ``nodata`` attribute; a band without
        one is returned as it is).
    keep_attrs
        Keep the attributes, except ``nodata``, which no longer applies.

    Returns
    -------
    xarray.DataArray or xarray.Dataset

    Raises
    ------
    TypeError
        `data` is not an xarray object.
    """
    import xarray as xr

    if isinstance(data, xr.Dataset):
        return data.map(mask_invalid_data, keep_attrs=keep_attrs, args=(keep_attrs,))
    if not isinstance(data, xr.DataArray):
        raise TypeError(f"mask_invalid_data takes an xarray Dataset or DataArray, not {type(data).__name__}")
    if "nodata" not in data.attrs:
        return data
    out = data.where(data != data.attrs["nodata"])
    out.attrs = {k: v for k, v in data.attrs.items() if k != "nodata"} if keep_attrs else {}
    return out


# --- describing ---------------------------------------------------------------------------------


def describe_variable_flags(
    variable: xr.DataArray | xr.Dataset, with_pandas: bool = True
) -> pd.DataFrame | str:
    """The flags a mask band defines: their bits, values and descriptions.

    Parameters
    ----------
    variable
        A mask band, or a Dataset holding one.
    with_pandas
        Return a pandas DataFrame, one row per flag (default), or else a text table, one line
        per value of each flag.

    Returns
    -------
    pandas.DataFrame or str

    Raises
    ------
    MaskingError
        No flags definition.
    """
    flags_def = get_flags_def(variable)
    if not with_pandas:
        return describe_flags_def(flags_def)
    import pandas as pd

    return pd.DataFrame.from_dict({k: dict(v) for k, v in flags_def.items()}, orient="index")


def describe_flags_def(flags_def: Mapping[str, Any]) -> str:
    """A text table of a flags definition: one line per value of each flag, lowest bits first.

    Examples
    --------
    >>> print(describe_flags_def({"nodata": {"bits": 0, "values": {0: False, 1: True}, "description": "No data"}}))
    Flag name | Description | Bits | Value | Meaning
    ----------+-------------+------+-------+--------
    nodata    | No data     | 0    | 0     | False
              |             |      | 1     | True
    """
    rows = [("Flag name", "Description", "Bits", "Value", "Meaning")]
    for flag in sorted(flags_def, key=lambda f: (min(_bits(f, flags_def[f])), f)):
        defn = flags_def[flag]
        first = True
        for number, meaning in defn["values"].items():
            lead = (flag, str(defn.get("description", "")), str(defn["bits"])) if first else ("", "", "")
            rows.append((*lead, str(number), str(meaning)))
            first = False
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
