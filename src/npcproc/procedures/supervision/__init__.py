"""The supervision procedure: its commands, state, events and messages."""
