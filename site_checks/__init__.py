"""The ministry's spot check of alliance websites (R6): are links working, is content updated.

The package splits like LinkChecker itself: ``crawl`` fetches (LinkChecker driven in-process,
one worker process per site), ``evidence`` turns pages into facts (links, dates, fingerprints,
required content), ``verdict`` decides, ``history`` stores, ``report`` presents. A verdict
never formats anything; a report never decides anything.
"""

__version__ = "0.1.0"

#: Sent with every request so that site owners can tell who is knocking, and why.
USER_AGENT = (
    f"Mozilla/5.0 (compatible; AllianceSpotCheck/{__version__}; "
    "ministry spot check of industry-academia alliance sites; LinkChecker/10.6)"
)
