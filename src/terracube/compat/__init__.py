"""ODC's import names over terracube, so notebooks written for ODC run after changing imports.

``terracube.compat.datacube`` is a package laid out as ODC's ``datacube``: change only the
import lines of a notebook::

    import datacube                                  ->  import terracube.compat.datacube as datacube
    from datacube.utils import masking               ->  from terracube.compat.datacube.utils import masking
    from datacube.utils.geometry import Geometry     ->  from terracube.compat.datacube.utils.geometry import Geometry
    from datacube.utils.aws import configure_s3_access
                                                     ->  from terracube.compat.datacube.utils.aws import configure_s3_access

Every name is terracube's own (or odc-geo's, where ODC's geometry moved there), not a copy of
ODC: see ``docs/odc-code.md`` for the list and the differences. This layer sits on top: it
imports from ``api/`` and below, and nothing imports it.
"""

from __future__ import annotations

__all__: list[str] = []
