"""On-disk caches of work whose inputs did not change: formatted modules, validation results,
and what depends on the installation alone (compiled templates, Unicode's categories)."""

from generator.cache.installation import installation_cache
from generator.cache.store import Cache, default_cache_dir, digest

__all__ = ["Cache", "default_cache_dir", "digest", "installation_cache"]
