"""Resources of Streams, one module each, imported when first used."""
