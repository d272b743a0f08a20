"""``python -m workstation`` starts the desktop workstation."""

import sys

from workstation.app import main

sys.exit(main())
