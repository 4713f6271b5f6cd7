"""Resources of Forms, one module each, imported when first used."""
