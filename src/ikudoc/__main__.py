"""``python -m ikudoc``: the same command as ``ikudoc``."""

import sys

from .cli import main

sys.exit(main())
