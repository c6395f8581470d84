"""``datacube.virtual``: not offered (ODC's virtual products); importing it says what to use instead."""

from __future__ import annotations

from terracube.compat.datacube._not_offered import not_offered_module

not_offered_module("datacube.virtual")
