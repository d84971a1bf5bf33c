"""The bodies procedure: its commands, state, events and messages."""
