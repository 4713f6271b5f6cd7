"""Writing the output tree atomically, and comparing it with what is on disk."""
