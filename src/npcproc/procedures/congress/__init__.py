"""The congress procedure: its commands, state, events and messages."""
