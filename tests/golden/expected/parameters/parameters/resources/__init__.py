"""Resources of Parameters, one module each, imported when first used."""
