"""Workshop mode: a trainer's room (join code, anonymous participants, room view, exports)."""
