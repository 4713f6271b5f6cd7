"""Resources of Bodies, one module each, imported when first used."""
