"""The restraints procedure: its commands, state, events and messages."""
