"""``python -m site_checks …`` behaves like ``alliance spotcheck …``."""

import sys

from site_checks.cli import main

sys.exit(main())
