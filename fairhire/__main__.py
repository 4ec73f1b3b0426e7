"""Run the ``fairhire`` command line as ``python -m fairhire``."""

import sys

from .cli import main

sys.exit(main())
