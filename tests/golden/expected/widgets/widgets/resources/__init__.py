"""Resources of Widgets, one module each, imported when first used."""
