"""Resources of Nesting, one module each, imported when first used."""
