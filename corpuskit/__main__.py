import sys

try:
    from corpuskit.cli import main
except KeyboardInterrupt:  # interrupted while starting up
    sys.exit(130)

sys.exit(main())
