"""Resources of Cartesia API, one module each, imported when first used."""
