"""Resources of Retell SDK, one module each, imported when first used."""
