"""One settings table: every knob lumbar reads from the environment (``LUMBAR_*``), named, typed,
defaulted, bounded and documented (the descriptions are the reference; docs/settings.md lists them).

Read only when asked (``read_settings``), never at import time, so tests pass their own values or
environment. A value that cannot be used raises ``SettingsError`` naming the variable and the fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any

from platformdirs import user_data_dir
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from lumbar.cache_setting import default_cache
from lumbar.errors import SettingsError

ENV_PREFIX = "LUMBAR_"
#: a secret shorter than this (in UTF-8 bytes) is too easy to guess to sign and encrypt with
MIN_SECRET_BYTES = 32
#: settings whose empty value means something (no default folder), not "unset"
EMPTY_MEANS_NONE = frozenset({"seeds", "cache"})
#: the environment read_settings was given (None: the process environment), for the env source
_ENVIRON: ContextVar[Mapping[str, str] | None] = ContextVar("lumbar_settings_environ", default=None)
#: what each kind of unreadable value must be, by pydantic's error type
_MUST_BE = {
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "int_type": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "finite_number": "a number",
}


#: each setting's type in plain words, for the reference table (any other is text)
_KIND_WORDS: dict[Any, str] = {int: "whole number", float: "number", Path: "folder"}


def variable_of(name: str) -> str:
    """The environment variable of the setting ``name``, e.g. ``LUMBAR_MAX_BODY_BYTES``."""
    return f"{ENV_PREFIX}{name.upper()}"


def host_list(text: str) -> tuple[str, ...]:
    """Host names from a comma-separated list, lower case, without IPv6 brackets or a final dot."""
    return tuple(name.strip().lower().strip("[]").rstrip(".") for name in text.split(",") if name.strip())


def repository_root() -> Path | None:
    """The source checkout lumbar runs from (the folder with pyproject.toml), if any."""
    for folder in Path(__file__).resolve().parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    return None


def find_seeds() -> Path | None:
    """The seed pages beside the checkout (``../shared/seeds``), when that folder exists.

    The checkout is the one lumbar runs from, else the current folder when it is a checkout.
    """
    roots = [repository_root()]
    if (Path.cwd() / "pyproject.toml").is_file():
        roots.append(Path.cwd())
    for root in roots:
        if root is not None and (root.parent / "shared" / "seeds").is_dir():
            return root.parent / "shared" / "seeds"
    return None


def _default_home() -> Path:
    return Path(user_data_dir("lumbar", appauthor=False))


class Settings(BaseSettings):
    """Every setting lumbar reads from the environment, each from ``LUMBAR_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    home: Path = Field(
        default_factory=_default_home,
        description="the data folder: `lumbar ask`'s passage index and, unless `LUMBAR_DATABASE_URL` is set, "
        "lumbar's database (lumbar.sqlite3: the interviews' saved states for a day, the diaries). Default: the "
        "user's data folder, ~/.local/share/lumbar on Linux",
    )
    database_url: str | None = Field(
        default=None,
        description="the database of the interviews' saved states and the diaries, e.g. "
        "postgresql://user:password@host/lumbar (PostgreSQL, through psycopg 3) or sqlite:////path/file. "
        "Unset: the SQLite file lumbar.sqlite3 in the data folder",
    )
    cache: Path | None = Field(
        default_factory=default_cache,
        description="the folder of lumbar's caches: the compiled knowledge base, rebuilt by itself when the "
        "data or lumbar changes (default $XDG_CACHE_HOME/lumbar or ~/.cache/lumbar); empty: no cache",
    )
    seeds: str | None = Field(
        default=None,
        description="the folder of documents `lumbar ask` and `lumbar kb check` read by default; unset: "
        "../shared/seeds beside the checkout when it exists; empty: no default folder",
    )
    secret: str | None = Field(
        default=None,
        description=f"signs and encrypts the interview and form tokens; at least {MIN_SECRET_BYTES} bytes. "
        "Unset: a random one for each process (tokens then stop working after a restart)",
    )
    allowed_hosts: Annotated[tuple[str, ...] | None, NoDecode] = Field(
        default=None,
        description="comma-separated names the Host header may give, any other is refused with 400 (DNS "
        "rebinding); `*.example.org` allows every name under it, `*` any name. Unset: localhost, "
        "127.0.0.1, ::1 and the `lumbar serve --host` name unless it is a wildcard",
    )
    max_body_bytes: int = Field(
        default=64 * 1024,
        ge=1024,
        description="the largest request body (JSON or form), in bytes; a larger one is refused with 413",
    )
    rate_per_minute: float = Field(
        default=120,
        ge=0,
        allow_inf_nan=False,
        description="requests a minute, on average, from one client address; more are refused with 429; "
        "0 turns the limit off",
    )
    rate_burst: int = Field(
        default=40, ge=1, description="requests one client address may make at once before the rate applies"
    )
    engine_workers: int = Field(
        default=4, ge=1, description="worker threads for engine calls (assess, interview, plan, ask)"
    )
    engine_queue: int = Field(
        default=16, ge=0, description="engine calls that may wait for a worker; more are refused with 429"
    )
    client_concurrency: int = Field(
        default=4, ge=1, description="engine calls one client address may have going at once; more get 429"
    )
    time_budget: float = Field(
        default=15.0,
        ge=0.05,
        allow_inf_nan=False,
        description="seconds an engine call may take before the request is answered 503",
    )
    retry_after: int = Field(
        default=5, ge=1, description="seconds a client refused as busy or out of time is told to wait"
    )
    emergency_number: str = Field(
        default="999",
        pattern=r"^\+?[0-9]{2,15}$",
        description="the emergency telephone number shown and linked (tel:) on urgent results: 999 in the "
        "UK, 911 in North America, 112 in the EU, 000 in Australia",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Values given in code, then the environment: the one ``read_settings`` was given, else the process's."""
        environ = _ENVIRON.get()
        if environ is not None and isinstance(env_settings, EnvSettingsSource):
            env_settings.env_vars = {name.lower(): value for name, value in environ.items()}
        return (init_settings, env_settings)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_unset(cls, values: Any) -> Any:
        """Values are stripped; an empty one counts as unset (except where empty means none)."""
        if not isinstance(values, dict):
            return values
        kept = {}
        for name, value in values.items():
            text = value.strip() if isinstance(value, str) else value
            if text == "" and name not in EMPTY_MEANS_NONE:
                continue
            kept[name] = text
        return kept

    @field_validator("secret")
    @classmethod
    def _long_enough(cls, secret: str | None) -> str | None:
        size = len(secret.encode("utf-8")) if secret is not None else MIN_SECRET_BYTES
        if size < MIN_SECRET_BYTES:
            raise ValueError(
                f"{variable_of('secret')} is {size} bytes long; when set it must be at least "
                f"{MIN_SECRET_BYTES} bytes. Make one with "
                "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`, or unset it to get a new "
                "random secret at each start (interview tokens then stop working after a restart)"
            )
        return secret

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _read_hosts(cls, value: Any) -> Any:
        return host_list(value) if isinstance(value, str) else value

    @field_validator("allowed_hosts")
    @classmethod
    def _no_ports(cls, hosts: tuple[str, ...] | None) -> tuple[str, ...] | None:
        for name in hosts or ():
            if name.count(":") == 1 or not name:
                raise ValueError(
                    f"{variable_of('allowed_hosts')} lists '{name}'; give host names without a port"
                )
        return hosts

    @field_validator("cache", mode="before")
    @classmethod
    def _empty_is_none(cls, folder: object) -> object:
        # an empty LUMBAR_CACHE turns the cache off; Path("") would be the working folder
        return None if isinstance(folder, str) and not folder.strip() else folder

    @field_validator("home", "cache")
    @classmethod
    def _expand_home(cls, folder: Path | None) -> Path | None:
        return folder.expanduser() if folder is not None else None

    def seeds_folder(self) -> Path | None:
        """The default document folder: ``seeds`` when set, none when empty, else ``find_seeds()``."""
        if self.seeds is None:
            return find_seeds()
        return Path(self.seeds).expanduser() if self.seeds else None


def read_settings(environ: Mapping[str, str] | None = None, **values: Any) -> Settings:
    """The settings from ``environ`` (default: the process environment), with ``values`` over them.

    Raises SettingsError naming every variable that cannot be used, and how to fix it.
    """
    reading = _ENVIRON.set(environ)
    try:
        return Settings(**values)
    except ValidationError as error:
        raise SettingsError("; ".join(_message(problem) for problem in error.errors())) from None
    finally:
        _ENVIRON.reset(reading)


def _message(problem: ErrorDetails) -> str:
    """One problem as the person who set the variable can fix it."""
    variable = variable_of(str(problem["loc"][0])) if problem["loc"] else ENV_PREFIX
    given = problem.get("input")
    context = problem.get("ctx") or {}
    if problem["type"] == "value_error":
        return str(context.get("error", problem["msg"]))
    if problem["type"] == "greater_than_equal":
        return f"{variable} is {given}; it must be at least {context['ge']:g}"
    if problem["type"] in _MUST_BE:
        return f"{variable} must be {_MUST_BE[problem['type']]}; it is '{str(given)[:40]}'"
    return f"{variable}: {problem['msg']}"


def reference_rows() -> list[str]:
    """The settings as Markdown table rows (variable, type, default, least value, what it does), for
    docs/settings.md, which a test keeps equal to them."""
    rows = []
    for name, info in Settings.model_fields.items():
        least = next((rule.ge for rule in info.metadata if hasattr(rule, "ge")), None)
        default = (
            "(see what it does)" if info.default_factory is not None or info.default is None else info.default
        )
        kind = _KIND_WORDS.get(info.annotation, "text")
        rows.append(
            f"| `{variable_of(name)}` | {kind} | {default} | {'' if least is None else f'{least:g}'} "
            f"| {info.description} |"
        )
    return rows
