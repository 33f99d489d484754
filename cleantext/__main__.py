"""``python -m cleantext`` runs the command."""

from .cli import main

raise SystemExit(main())
