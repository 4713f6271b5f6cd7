"""clientgen: turns vendored OpenAPI documents into a typed Python client package."""
