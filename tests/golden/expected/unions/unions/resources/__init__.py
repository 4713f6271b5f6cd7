"""Resources of Unions, one module each, imported when first used."""
