"""``python -m cleantext`` runs the command."""

from .run.cli import main

raise SystemExit(main())
