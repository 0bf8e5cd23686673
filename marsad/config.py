"""One options object, built from the shipped defaults (data/defaults.yaml) and overrides."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from marsad.errors import DataFileError, UsageError

# libyaml's parser when PyYAML was built with it (its wheels are): the same Python objects as
# yaml.SafeLoader, which is kept as the fallback, read about ten times faster (the lexicons and
# gazetteers took 0.6 s of every start).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(str(resources.files("marsad") / "data"))


@dataclass(slots=True)
class Options:
    db_url: str = "sqlite:///marsad.db"
    data_dir: Path = DATA_DIR
    # ingest
    max_file_bytes: int = 10 * 1024 * 1024
    extensions: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl", ".json")
    progress: bool = True
    # the statistical tagger proposes names no dictionary or pattern found (marsad/data/models/)
    ner_model: bool = True
    # merge reports of one occurrence across documents (marsad/merge)
    incidents: bool = True
    # a locked or unreachable database: retries, first wait in seconds (doubling), lock wait in seconds
    db_retries: int = 3
    db_retry_wait: float = 1.0
    db_lock_timeout: float = 30.0
    # marsad watch: seconds between polls, state file, HTTP timeout, polls a failing article is retried
    watch_interval: float = 900.0
    watch_state: str = "marsad-watch.json"
    http_timeout: float = 30.0
    watch_retries: int = 3
    # web workbench (marsad serve)
    web_public_read: bool = True
    web_tile_url: str = ""
    web_tile_attribution: str = ""
    web_session_hours: float = 12.0
    web_login_attempts: int = 5
    web_login_window_s: int = 300
    web_secure_cookies: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides) -> Options:
        """Shipped defaults, then a user YAML file, then keyword overrides (None means unset)."""
        values = _read_yaml(DATA_DIR / "defaults.yaml")
        if path is not None:
            values.update(_read_yaml(Path(path)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise UsageError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if "data_dir" in values:
            values["data_dir"] = Path(values["data_dir"])
        if "extensions" in values:
            values["extensions"] = tuple(values["extensions"])
        return cls(**values)

    def data_file(self, name: str) -> Path:
        return Path(self.data_dir) / name


def read_yaml(path: Path):
    """A YAML file's content, or a DataFileError naming the file and what is wrong."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except FileNotFoundError:
        raise DataFileError(str(path), "not found") from None
    except yaml.YAMLError as e:
        raise DataFileError(str(path), f"invalid YAML: {e}") from None


def _read_yaml(path: Path) -> dict:
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise DataFileError(str(path), "expected a mapping of option names to values")
    return data


def load_data_yaml(name: str, options: Options | None = None):
    """Read a YAML data file from the data directory (lexicons, knowledge base)."""
    return read_yaml(options.data_file(name) if options else DATA_DIR / name)
