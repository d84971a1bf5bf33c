from hypothesis import settings

# Timing varies on shared CI machines (these tests load every plugin's rules); correctness does not depend on it.
settings.register_profile("npcproc-plugins", deadline=None, print_blob=True)
settings.load_profile("npcproc-plugins")
