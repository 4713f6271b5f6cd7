"""On-disk caches of work whose inputs did not change: formatted modules, validation results."""

from generator.cache.store import Cache, default_cache_dir, digest

__all__ = ["Cache", "default_cache_dir", "digest"]
