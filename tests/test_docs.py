"""The documentation contracts: every command of shared/spec/CLI.md exists."""

import re
from pathlib import Path

import pytest
from typer.main import get_command

from gaiko.cli import app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_every_cli_md_command_is_implemented():
    spec = SHARED / "spec" / "CLI.md"
    if not spec.exists():
        pytest.skip("shared/ not beside the repository")
    documented = set(re.findall(r"^\| `gaiko (\w+)", spec.read_text(encoding="utf-8"), re.M))
    implemented = set(get_command(app).commands)
    # serve belongs to the web UI issue; everything else must be there
    assert documented - implemented <= {"serve"}, documented - implemented


def test_readme_quick_start_is_two_commands():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = ROOT / "docs" / "CLI.md"


def test_every_command_and_option_is_in_the_cli_doc():
    # issue 17, item 9: the project documents its own command surface
    text = CLI_DOC.read_text(encoding="utf-8")
    missing = []
    for name, command in get_command(app).commands.items():
        if f"gaiko {name}" not in text:
            missing.append(f"gaiko {name}")
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text):
                    missing.append(f"gaiko {name} {opt}")
    assert not missing, missing


def test_jsonl_input_fields_are_in_the_cli_doc():
    text = CLI_DOC.read_text(encoding="utf-8")
    section = text.split("### JSONL input fields", 1)[1].split("###", 1)[0]
    for field in ("id", "text", "html", "url", "title", "published"):  # what gaiko.documents.readers reads
        assert f"| `{field}` |" in section, field


def test_readme_and_help_point_to_the_cli_doc():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/CLI.md)" in readme and "shared/spec/CLI.md" not in readme
    from typer.testing import CliRunner

    out = CliRunner().invoke(app, ["--help"]).output
    assert "docs/CLI.md" in out
