"""What the workers' forkserver loads once, before it forks any worker.

The worker module with LinkChecker, lxml and htmldate; then ``gc.freeze()``, so
that those long-lived objects sit in the permanent generation: a worker's garbage collections
(one after every site it checks) then only walk what the sites created, not the libraries, and
do not touch (copy-on-write) the pages it shares with the forkserver.
"""

import gc

import site_checks.crawl.worker  # noqa: F401 - loaded for the workers

gc.freeze()
