import sys

from npcproc.cli import main

sys.exit(main())
