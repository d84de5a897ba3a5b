"""The database's migrations (Alembic), run from code: ``upgrade(url)`` brings a database to the newest
revision, from empty or from any earlier one.

The migration scripts ship inside the package (``lumbar/store/migrations``), so an installed lumbar
upgrades its database without the repository or an ``alembic.ini``.
"""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from lumbar.store.database import make_engine

HEAD = "head"


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic's configuration for lumbar's packaged migrations, run over ``engine`` when given."""
    config = Config()
    config.set_main_option("script_location", str(files("lumbar.store") / "migrations"))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade(target: str | URL | Engine, revision: str = HEAD) -> None:
    """Bring the database at ``target`` (a URL or an engine) up to ``revision`` (default: the newest)."""
    engine = target if isinstance(target, Engine) else make_engine(target)
    try:
        command.upgrade(alembic_config(engine), revision)
    finally:
        if engine is not target:
            engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The revision the database at ``engine`` is at; ``None`` when it has none yet."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The newest revision of the packaged migrations."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
