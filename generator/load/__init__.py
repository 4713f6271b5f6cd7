"""Loading an API's spec files into one located document: parse, merge, overlay, bundle."""

from generator.load.folder import load_api_folder, load_spec_file
from generator.load.source_map import SourceMap
from generator.load.spec import LoadedSpec, diagnostic_at

__all__ = ["LoadedSpec", "SourceMap", "diagnostic_at", "load_api_folder", "load_spec_file"]
