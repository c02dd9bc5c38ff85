"""`python -m reconcile` runs the command line."""
import sys

from reconcile.cli import main

sys.exit(main())
