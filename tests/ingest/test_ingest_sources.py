"""Folders, ordering, filters and missing paths."""
from marsad.config import Options
from marsad.ingest import read_inputs
from marsad.model import Document, InputProblem


def write(path, text="قصفت قوات النظام بلدة في ريف إدلب."):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/a.htm.txt", "z.txt"]:
        write(tmp_path / name)
    ids = [d.doc_id for d in read_inputs([tmp_path], Options())]
    assert ids == ["a", "b", "c", "a.htm", "z"]


def test_hidden_files_and_folders_and_other_extensions_are_skipped(tmp_path):
    write(tmp_path / "keep.txt")
    write(tmp_path / ".hidden.txt")
    write(tmp_path / ".git" / "inside.txt")
    write(tmp_path / "notes.md")
    write(tmp_path / "upper.TXT")
    ids = [d.doc_id for d in read_inputs([tmp_path], Options())]
    assert ids == ["keep", "upper"]


def test_missing_path_is_a_problem_and_the_rest_goes_on(tmp_path):
    good = write(tmp_path / "good.txt")
    items = list(read_inputs([tmp_path / "missing.txt", good], Options()))
    assert isinstance(items[0], InputProblem) and "no such file" in items[0].reason
    assert isinstance(items[1], Document) and items[1].doc_id == "good"


def test_named_file_with_unsupported_extension_is_a_problem(tmp_path):
    items = list(read_inputs([write(tmp_path / "notes.md")], Options()))
    assert isinstance(items[0], InputProblem) and "unsupported file type .md" in items[0].reason


def test_extensions_option_is_honoured(tmp_path):
    write(tmp_path / "a.txt")
    write(tmp_path / "b.md")
    ids = [d.doc_id for d in read_inputs([tmp_path], Options(extensions=(".md",)))]
    assert ids == ["b"]


def test_read_inputs_is_lazy(tmp_path):
    write(tmp_path / "a.txt")
    items = read_inputs([tmp_path / "does-not-exist"], Options())
    assert iter(items) is items   # a generator: nothing is read before it is consumed
