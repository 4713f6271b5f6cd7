"""Resources of Auth, one module each, imported when first used."""
