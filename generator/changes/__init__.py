"""What changed for callers: the public surface of the generated package, and its changes.

The generator writes the surface (clients, servers, methods, arguments, models, errors)
as a JSON manifest beside the code. On the next run the manifest on disk is the
previous surface, so comparing needs neither an import of the old package nor git.
"""
