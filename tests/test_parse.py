import time

import pytest


@pytest.mark.parametrize("character", ["😀", '"', "(", "\u0301"])
def test_a_long_run_without_whitespace_is_one_token_in_linear_time(nlp, character):
    # Found by tests/test_fuzz.py: spaCy split such a run one affix at a time, and 100,000
    # emoji, quotes or brackets in a row took minutes to tokenize.
    run = character * 100_000
    text = f"Rebels attacked Goma. {run} Police said."
    started = time.perf_counter()
    doc = nlp.tokenizer(text)
    assert time.perf_counter() - started < 5
    assert doc.text == text
    assert run in [token.text for token in doc]


def test_a_run_of_999_characters_is_split_into_affixes_as_before(nlp):
    # LONG_RUN starts at 1,000: real words and URLs stay as spaCy splits them.
    brackets = "(" * 995
    assert [token.text for token in nlp.tokenizer(f"{brackets}Goma")] == [*brackets, "Goma"]
