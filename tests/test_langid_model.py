"""py3langid's model from the unpacked copy gives the same answers as py3langid's own
loader, and any trouble with the copy falls back to that loader."""

from __future__ import annotations

import pytest

from corpuskit import langid_model

TEXTS = [
    "The council met on Tuesday evening to discuss the new budget for the library.",
    "Der Gemeinderat hat am Dienstagabend über den neuen Haushalt beraten.",
    "Le conseil municipal s'est réuni mardi soir pour examiner le nouveau budget.",
    "Kommunestyret møttes tirsdag kveld for å diskutere det nye budsjettet.",
    "El consejo municipal se reunió el martes por la noche para debatir el presupuesto.",
]


@pytest.fixture(scope="module")
def reference():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_copy_answers_like_py3langid(tmp_path, monkeypatch, reference):
    monkeypatch.setenv("CORPUSKIT_MODEL_CACHE", str(tmp_path))
    first = langid_model.load_identifier()  # unpacks
    copies = list(tmp_path.glob("langid-*"))
    assert len(copies) == 1 and (copies[0] / "ptc.npy").is_file()
    second = langid_model.load_identifier()  # memory-maps the copy
    for text in TEXTS:
        assert first.classify(text) == second.classify(text) == reference.classify(text)


def test_broken_copy_falls_back(tmp_path, monkeypatch, reference):
    monkeypatch.setenv("CORPUSKIT_MODEL_CACHE", str(tmp_path))
    copy = langid_model._copy_folder(langid_model._model_file())
    copy.mkdir(parents=True)
    for name in ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat"):
        (copy / f"{name}.npy").write_bytes(b"not an array")
    identifier = langid_model.load_identifier()
    assert [identifier.classify(t) for t in TEXTS] == [reference.classify(t) for t in TEXTS]


def test_unwritable_cache_falls_back(tmp_path, monkeypatch, reference):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("CORPUSKIT_MODEL_CACHE", str(blocker / "sub"))
    identifier = langid_model.load_identifier()
    assert identifier.classify(TEXTS[0]) == reference.classify(TEXTS[0])
