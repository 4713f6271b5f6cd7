"""Resources of Lines, one module each, imported when first used."""
