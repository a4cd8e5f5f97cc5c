import sys

from trialscape.cli import main

sys.exit(main())
