"""The intermediate model between the OpenAPI document and the templates."""
