"""``python -m kinerja`` runs the command line."""

from .cli import main

main()
