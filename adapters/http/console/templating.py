"""The console's templates (Jinja, with the console's filters) and static assets' folders: the
app's template engine, set whether or not it serves the console's pages."""

from __future__ import annotations

from pathlib import Path

from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig

from adapters.http.console.filters import FILTERS

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def _engine_setup(engine: JinjaTemplateEngine) -> None:
    engine.engine.filters.update(FILTERS)
    engine.engine.trim_blocks = True
    engine.engine.lstrip_blocks = True


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    return TemplateConfig(
        directory=TEMPLATES, engine=JinjaTemplateEngine, engine_callback=_engine_setup
    )
