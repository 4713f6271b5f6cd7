"""Resources of Servers, one module each, imported when first used."""
