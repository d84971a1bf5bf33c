"""The recall procedure: its commands, state, events and messages."""
