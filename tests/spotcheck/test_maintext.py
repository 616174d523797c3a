"""The main text the fingerprints are taken of: content kept, site furniture dropped."""

from __future__ import annotations

import lxml.html

from site_checks.evidence.maintext import main_text


def _lines(html: str) -> list[str]:
    text = main_text(lxml.html.document_fromstring(html))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_furniture_by_element_role_and_class_is_dropped():
    lines = _lines(
        "<html><body><header>聯盟 LOGO</header><nav><a href='/'>首頁</a></nav>"
        "<div role='navigation'>選單連結</div><div class='side-menu'>側欄選單</div>"
        "<div id='breadcrumb'>首頁 &gt; 消息</div><aside>最新消息框</aside>"
        "<form>搜尋</form><main><h1>會員大會</h1><p>本次大會通過新會員入會。</p></main>"
        "<footer>國科會補助</footer></body></html>")
    assert lines == ["會員大會", "本次大會通過新會員入會。"]


def test_a_wrapper_named_like_furniture_that_holds_the_page_is_kept():
    lines = _lines(
        "<html><body><div class='content has-sidebar'><p>第一段內容，說明聯盟服務。</p>"
        "<p>第二段內容，說明入會方式。</p><div class='sidebar'>側欄</div></div></body></html>")
    assert lines == ["第一段內容，說明聯盟服務。", "第二段內容，說明入會方式。"]


def test_an_articles_own_header_is_content():
    lines = _lines("<html><body><article><header><h2>研討會紀要</h2></header>"
                   "<p>內容</p></article></body></html>")
    assert lines == ["研討會紀要", "內容"]


def test_one_line_per_block_and_per_table_row():
    lines = _lines(
        "<html><body><div>導言<p>段落一</p>段落後</div><ul><li>項目甲</li><li>項目乙</li></ul>"
        "<table><tr><th>日期</th><th>標題</th></tr><tr><td>2026-05-03</td><td>說明會</td></tr>"
        "</table>第一行<br>第二行</body></html>")
    assert lines == ["導言", "段落一", "段落後", "項目甲", "項目乙", "日期 標題",
                     "2026-05-03 說明會", "第一行", "第二行"]
