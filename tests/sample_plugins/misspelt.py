"""A plugin whose hook name is misspelt: loading it must fail loudly."""

from npcproc import hookimpl


@hookimpl
def npcproc_register_setings(register):
    raise AssertionError("never called")
