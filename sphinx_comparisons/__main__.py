import sys

from sphinx_comparisons.cli import main

sys.exit(main())
