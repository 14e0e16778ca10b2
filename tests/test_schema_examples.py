"""Good and bad example files per schema (tests/examples/<kind>/positive|negative/*.yaml).

Each negative file names the code it must produce in a first-line comment ``# expect: K…``. The folders
are documentation, test and regression net at once (the check-jsonschema way).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from kinerja.load import layout, yamlsafe
from kinerja.validate import schema

EXAMPLES = Path(__file__).resolve().parent / "examples"
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def cases(kind: str) -> list[Path]:
    return sorted(EXAMPLES.glob(f"*/{kind}/*.yaml"))


@pytest.mark.parametrize("path", cases("positive"), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_positive_examples_pass(path: Path) -> None:
    data, problems = yamlsafe.load_bytes(path.read_bytes(), str(path))
    assert problems == []
    assert schema.check(path.parent.parent.name, data, str(path)) == []


@pytest.mark.parametrize("path", cases("negative"), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_negative_examples_fail_with_their_code(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = re.match(r"# expect: (K\d{3})", text)
    assert expected, "a negative example names its code in '# expect: K…'"
    data, problems = yamlsafe.load_bytes(path.read_bytes(), str(path))
    if data is not None:  # the loader may keep a document with a problem (a long integer, K015)
        problems = problems + schema.check(path.parent.parent.name, data, str(path))
    assert expected.group(1) in {p.code for p in problems}, [p.code for p in problems]


@pytest.mark.parametrize("kind", [k for k in layout.KINDS])
def test_every_kind_has_a_schema_with_examples_and_both_languages(kind: str) -> None:
    path = SCHEMAS / f"{kind}.schema.json"
    assert path.is_file(), f"schemas/{kind}.schema.json is missing"
    doc = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(doc)
    assert doc["$schema"].endswith("2020-12/schema") and doc["$id"].endswith(f"/{kind}.schema.json")
    assert doc.get("title") and doc.get("description") and doc.get("x-description-id")
    assert doc.get("examples"), "schemas carry examples for editors and docs"
    validator = Draft202012Validator(doc)
    for example in doc["examples"]:
        assert list(validator.iter_errors(example)) == []


@pytest.mark.parametrize("kind", [k for k in layout.KINDS if k != "allowance-rule"])
def test_every_kind_has_good_and_bad_examples(kind: str) -> None:
    assert list((EXAMPLES / kind / "positive").glob("*.yaml")), kind
    assert list((EXAMPLES / kind / "negative").glob("*.yaml")), kind
