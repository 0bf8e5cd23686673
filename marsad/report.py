"""The failure report (`--report FILE`): every input that failed, with the reason and the time.

One line per failure, written and flushed as it happens, so the report of a run
that is killed lists what failed until then. JSON Lines, or CSV when the file
name ends in .csv; both have the fields `path` (a file, a record in a file, or
a URL), `reason` and `time` (UTC, ISO 8601).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from types import TracebackType
from typing import Self

from marsad.errors import UsageError
from marsad.model import InputProblem

FIELDS = ("path", "reason", "time")


class FailureReport:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._csv = self.path.suffix.lower() == ".csv"
        try:
            self._file = open(self.path, "w", encoding="utf-8", newline="")
        except OSError as e:
            raise UsageError(f"cannot write the report {path}: {e.strerror or e}") from None
        self._writer = csv.writer(self._file) if self._csv else None
        if self._writer is not None:
            self._writer.writerow(FIELDS)
            self._file.flush()

    def add(self, problem: InputProblem, when: dt.datetime | None = None) -> None:
        time = (when or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
        if self._writer is not None:
            self._writer.writerow((problem.source, problem.reason, time))
        else:
            self._file.write(json.dumps({"path": problem.source, "reason": problem.reason, "time": time},
                                        ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

