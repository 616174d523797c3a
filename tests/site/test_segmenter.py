"""jieba's dictionary from our cache equals jieba's own, and a build's words do not stay."""

from __future__ import annotations

import jieba
import pytest

from generator.site import segmenter


@pytest.fixture
def fresh_jieba(monkeypatch):
    tokenizer = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", tokenizer)
    return tokenizer


def test_the_cached_dictionary_is_jiebas_own(tmp_path, fresh_jieba):
    segmenter.load(tmp_path)  # jieba loads itself, the cache is written
    assert fresh_jieba.initialized and list(tmp_path.glob("jieba-*.bin"))
    own = (dict(fresh_jieba.FREQ), fresh_jieba.total)
    again = jieba.Tokenizer()
    jieba.dt = again
    segmenter.load(tmp_path)
    assert again.initialized and (again.FREQ, again.total) == own
    assert list(again.FREQ) == list(own[0])  # the same order, so the same segmentation


def test_a_damaged_cache_is_not_used(tmp_path, fresh_jieba):
    segmenter.load(tmp_path)
    (cache,) = tmp_path.glob("jieba-*.bin")
    cache.write_bytes(cache.read_bytes()[:-100])
    assert segmenter._read(cache) is None
    jieba.dt = again = jieba.Tokenizer()
    segmenter.load(tmp_path)
    assert again.initialized and len(again.FREQ) == len(fresh_jieba.FREQ)


def test_a_builds_own_words_are_gone_after_it(tmp_path, fresh_jieba):
    segmenter.load(tmp_path)
    text = "竹晶精密機械公司"
    before = list(fresh_jieba.cut(text))  # jieba.cut is bound to the process's tokenizer
    with segmenter.isolated():
        fresh_jieba.add_word("竹晶精密", 2000)
        assert "竹晶精密" in list(fresh_jieba.cut(text))
    assert list(fresh_jieba.cut(text)) == before
