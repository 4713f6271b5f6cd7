"""Where a cold generation's time goes, measured stage by stage in a fresh interpreter.

The stages are the pipeline's (generator/pipeline.py) called one after the other with the
given cache folder (an empty one: cold), each timed on its own: loading, validation, model
building, compiling the templates (read from the installation's store, beside the
generator's code, once compiled there), keying the resource modules the cache may hold,
rendering the rest and formatting; a cold run also times
importing the heavy libraries first (a warm one imports them where a stage needs them).
Validation is timed on its own here, where `clientgen generate` runs it in a child
process beside the later stages. The child prints the times as JSON; the bench turns
them into the "where the time goes" lines of sections 6 and 8, so that text is measured
in the same run, not written by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .common import PYTHON, ROOT, run

CHILD = r"""
import json, sys, time
from pathlib import Path

clock = time.perf_counter()
stages = []

def mark(name):
    global clock
    now = time.perf_counter()
    stages.append((name, now - clock))
    clock = now

kind, target, cold = sys.argv[1], Path(sys.argv[2]), sys.argv[4] == "cold"
if cold:
    import jinja2
    mark("import Jinja2")
    import black
    mark("import black")
    import openapi_spec_validator
    import generator.validate.openapi
    mark("import openapi-spec-validator")
from generator.cache import Cache
from generator.load import load_api_folder, load_spec_file
from generator.parse.api import build_api
from generator.render import renderer
from generator.render.formatting import format_files
from generator.render.reuse import module_keys, remember_modules, reused_modules
from generator.settings import default_api_settings, load_api_settings
from generator.validate import validate_spec
mark("import the generator")

cache = Cache(Path(sys.argv[3]))
folders = sorted(p for p in (target / "specs").iterdir() if p.is_dir()) if kind == "project" else []
specs = [load_api_folder(f) for f in folders] if folders else [load_spec_file(target)]
mark("load")
for spec in specs:
    validate_spec(spec, cache)
mark("validate")
# Named as the CLI names them (generator/pipeline.py), so that a warm cache filled by the
# CLI's runs serves these stages too.
if folders:
    from generator.settings import load_distribution_settings

    settings = load_distribution_settings(target / "pyproject.toml")
    apis = [build_api(s, load_api_settings(f, f.name)) for s, f in zip(specs, folders)]
    dist = renderer.Distribution(
        settings.distribution, settings.package, settings.version, tuple(apis)
    )
else:
    package = sys.argv[5]
    apis = [build_api(specs[0], default_api_settings(package))]
    dist = renderer.Distribution(
        package.replace("_", "-"), package, "0.1.0", tuple(apis), flat=True
    )
mark("build the model")
env = renderer._environment(renderer.TEMPLATES_DIR, cache)
for name in env.list_templates(extensions=["jinja"]):
    env.get_template(name)
mark("compile the templates")
# As generator/pipeline.py does: the resource modules and api.md whose key the cache has
# are taken from it, the rest rendered (the templates come from the stores) and formatted.
keys = module_keys(dist, renderer.TEMPLATES_DIR)
reused = reused_modules(cache, keys)
mark("key the resource modules")
files = renderer.render_distribution(dist, cache=cache, skip=reused)
mark("render")
runtime = f"{dist.package}/_runtime/"
formatted = format_files(files, cache, preformatted={p for p in files if p.startswith(runtime)})
remember_modules(cache, keys, formatted, reused)
mark("format (black)")
print(json.dumps({"stages": stages, "operations": sum(len(a.operations) for a in apis)}))
"""


@dataclass
class Stages:
    """Seconds per stage, in order, and the child's whole wall time."""

    stages: list[tuple[str, float]]
    wall: float
    error: str = ""

    def sentence(self, what: str) -> str:
        """One line for the report: each stage's share of the wall time, largest first."""
        if self.error:
            return f"Stages of {what}: not measured ({self.error})."
        rest = self.wall - sum(seconds for _, seconds in self.stages)
        shown = [*self.stages, ("interpreter start-up and the rest", rest)]
        parts = [
            f"{name} {seconds:.2f} s ({seconds / self.wall:.0%})"
            for name, seconds in sorted(shown, key=lambda s: -s[1])
        ]
        return f"Stages of {what}, {self.wall:.1f} s in all: " + ", ".join(parts) + "."


def stages(
    target: Path,
    cache: Path,
    *,
    package: str = "client",
    project: bool = False,
    cold: bool = True,
    timeout: float = 900,
) -> Stages:
    """The stages of generating `target` (a spec file, as `generate --spec F --package
    PACKAGE`, or a project folder holding specs/) with the cache folder `cache`: an empty
    one for a cold run."""
    kind = "project" if project else "spec"
    argv = [PYTHON, "-c", CHILD, kind, str(target), str(cache), "cold" if cold else "warm"]
    argv.append(package)
    result = run(argv, cwd=ROOT, timeout=timeout, extra_path=[ROOT])
    if result.returncode != 0 or result.timed_out:
        reason = "timed out" if result.timed_out else result.output.strip()[-200:]
        return Stages([], result.wall, reason)
    data = json.loads(result.output.strip().splitlines()[-1])
    return Stages([(str(name), float(s)) for name, s in data["stages"]], result.wall)
