"""PostgreSQL event store backend for npcproc."""
