"""wizard.safeyaml: aliases refused or bounded, PyYAML's errors told in French, nothing else escapes."""
from __future__ import annotations

import pytest
import yaml

from wizard import safeyaml
from wizard.knowledge.load import DIR

BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))


def refused(text: str, loader=safeyaml.NoAliasLoader) -> safeyaml.YamlError:
    with pytest.raises(safeyaml.YamlError) as info:
        safeyaml.load(text, loader)
    return info.value


def test_aliases_are_refused_where_they_appear():
    err = refused("a: &x 1\nb: *x\n")
    assert (err.line, err.column) == (2, 4) and "*x" in err.reason and "refusé" in err.reason


def test_anchors_alone_are_harmless():
    assert safeyaml.load("a: &x 1\n") == {"a": 1}


@pytest.mark.timeout(20)
def test_bounded_loader_keeps_small_aliases_and_refuses_bombs():
    assert safeyaml.load("a: &x [1, 2]\nb: *x\n", safeyaml.BoundedLoader) == {"a": [1, 2], "b": [1, 2]}
    err = refused(BOMB, safeyaml.BoundedLoader)
    assert "dépasser" in err.reason and err.line


def test_bounded_loader_refuses_an_alias_inside_its_own_anchor():
    assert "boucle" in refused("a: &x [1, *x]\n", safeyaml.BoundedLoader).reason


def test_every_knowledge_file_fits_the_bound():
    for path in DIR.glob("*.yaml"):
        safeyaml.load(path.read_text(encoding="utf-8"), safeyaml.BoundedLoader)


@pytest.mark.parametrize("text, fragment", [
    ("a: [1", "«\u00a0,\u00a0» ou «\u00a0]\u00a0» attendu"),
    ("a: b: c", "inattendu ici"),
    ("\ta: 1", "tabulation"),
    ("a: 'x", "fin du fichier inattendue"),
    ("a: !!python/object:os.system x", "étiquette YAML non permise"),
    ("? [a]\n: 1", "clé non permise"),
    ("a: \x07", "caractère interdit (U+0007)"),
    ("--- a\n--- b", "un seul document"),
    ("a: 2024-13-45", "valeur illisible"),
    ("a: 1" + "0" * 5000, "valeur illisible"),
    ("[" * 5000, "imbrication trop profonde"),
])
def test_errors_are_french_and_never_another_exception(text, fragment):
    err = refused(text)
    assert fragment in err.reason, err.reason
    assert not any(word in str(err) for word in ("expected", "found", "could not", "Error"))


def test_python_tags_are_still_refused_as_by_safe_load():
    with pytest.raises(safeyaml.YamlError):
        safeyaml.load("!!python/object/apply:os.system ['true']")
    assert issubclass(safeyaml.NoAliasLoader, yaml.SafeLoader) and issubclass(safeyaml.BoundedLoader, yaml.SafeLoader)
