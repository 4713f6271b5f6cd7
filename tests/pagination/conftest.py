"""The three vendors' whole APIs, generated once per session with the documented tables."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest
from generated_package import importable
from support.generator_cache import run_cache
from vendor_lists import CLIENTS, DOCUMENTS, VENDOR_SPECS
from vendor_settings import API_TOML

from generator.pipeline import build_project
from generator.settings import DistributionSettings
from generator.write.tree import write_tree

PACKAGE = "vendor_lists_pkg"
# Each client takes `api_key=`, as the project's api.toml files pin it.
CREDENTIALS = {
    "retell": '[credentials]\napi_key = "api_key"\n',
    "cartesia": '[credentials]\nAPIKeyAuth = "api_key"\n',
}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def vendors(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("vendors")
    for api, files in DOCUMENTS.items():
        folder = root / "specs" / api
        folder.mkdir(parents=True)
        for name in files:
            shutil.copy(VENDOR_SPECS / name, folder / name)
        client = CLIENTS[api]
        header = (
            f'package = "{api}"\nclient_class = "{client}"\nasync_client_class = "Async{client}"\n'
        )
        credentials = CREDENTIALS.get(api, "")
        (folder / "api.toml").write_text(f"{header}\n{credentials}\n{API_TOML.get(api, '')}")
    settings = DistributionSettings("vendor-lists", PACKAGE, "0.1.0", "specs", "out")
    write_tree(build_project(settings, root, run_cache()), root / "out")
    with importable(root / "out", PACKAGE) as package:
        yield package
    assert PACKAGE not in sys.modules
