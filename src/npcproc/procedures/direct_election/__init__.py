"""The direct election procedure: its commands, state, events and messages."""
