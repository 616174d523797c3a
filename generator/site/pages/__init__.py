"""One module per page family; each ``build(ctx)`` returns the pages it owns.

``ORDER`` is the site's navigation; the news posts, the chart and the free pages join it in
:mod:`generator.site.generate`.
"""

from __future__ import annotations

from . import about, capabilities, contact, home, join, members, news, outcomes, reports, services

FAMILIES = (home, about, capabilities, services, members, join, news, outcomes, reports, contact)
