"""Resources of PolyAI Agents API, one module each, imported when first used."""
