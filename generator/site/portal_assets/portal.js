// Enhances the portal; without JavaScript every card is shown and the filters still work
// (CSS :has). Here: the count of cards the filters leave, and the search across all
// alliances (Pagefind, loaded from ./pagefind/ only when someone searches).
const words = JSON.parse(document.getElementById("portal-words").textContent);
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));

const cards = [...document.querySelectorAll(".card")];
const shown = document.getElementById("shown");
function count() {
  const visible = cards.filter((c) => getComputedStyle(c).display !== "none").length;
  shown.textContent = visible === cards.length ? fill(words.shown, {total: cards.length})
    : visible === 0 ? words.shown_none
    : fill(words.shown_some, {shown: visible, total: cards.length});
}
document.querySelector(".filters").addEventListener("change", count);

const section = document.getElementById("search");  // absent when built without the index
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const siteRoot = new URL("../", import.meta.url).pathname;
let loading = null;

// Loaded once, however many keystrokes ask for it while it loads.
function engine() {
  loading ??= (async () => {
    const pagefind = await import("./pagefind/pagefind.js");
    await pagefind.options({baseUrl: siteRoot});
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

// Pagefind's excerpt is HTML with <mark>; keep the text and the marks, nothing else.
function excerpt(html) {
  const out = document.createElement("p");
  out.className = "excerpt";
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

// The part of the page that matched most (a capability, a heading), else the page itself.
function target(data) {
  const parts = (data.sub_results || []).filter((s) => s.url.includes("#"));
  const best = parts.sort((a, b) => (b.locations || []).length - (a.locations || []).length)[0];
  if (best && (best.locations || []).length) return {url: best.url, title: best.title,
                                                     excerpt: best.excerpt};
  return {url: data.url, title: null, excerpt: data.excerpt};
}

async function run(query) {
  const q = query.trim();
  list.replaceChildren();
  if (!q) { status.textContent = ""; return; }
  status.textContent = words.searching;
  let search;
  try {
    search = await (await engine()).debouncedSearch(q, {}, 250);
  } catch (error) {
    status.textContent = words.search_failed;
    throw error;
  }
  if (search === null) return;  // a newer query replaced this one
  const found = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (input.value.trim() !== q) return;
  for (const data of found) {
    const hit = target(data);
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = hit.url;
    link.textContent = hit.title && hit.title !== data.meta.title
      ? `${hit.title} — ${data.meta.title}` : data.meta.title;
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = `${data.meta.alliance} · ${data.meta.kind}`;
    item.append(link, meta, excerpt(hit.excerpt));
    list.append(item);
  }
  status.textContent = search.results.length
    ? fill(words.results, {n: search.results.length}) : fill(words.no_results, {q});
}

if (section) {
  section.hidden = false;
  section.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    run(input.value);
  });
  input.addEventListener("input", () => run(input.value));
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
}
