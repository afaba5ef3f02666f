// Charts read their data from escaped data-* attributes (no inline data, no HTML built from strings).
function mvData(el, key) { return JSON.parse(el.dataset[key] || "[]"); }
function mvBalance(id) {
  const el = document.getElementById(id), rows = mvData(el, "series");
  if (!rows.length) { el.textContent = "No West/East events for this country."; return; }
  const x = rows.map(r => mvTime(r.period));  // a real time axis: periods without data leave a gap
  const band = mvBands(x, rows.map(r => r.ci_low), rows.map(r => r.ci_high),
                       {fillcolor: "rgba(31,58,95,0.2)", name: "95% CI"});
  Plotly.newPlot(el, band.concat([
    {x: x, y: rows.map(r => r.balance), mode: "lines+markers", name: "balance", line: {color: "#1f3a5f"},
     text: rows.map(r => r.period + " · " + r.articles + " articles, " + r.events + " events"),
     hovertemplate: "%{text}: %{y:.2f}<extra></extra>"}]),
    {xaxis: {type: "date"}, yaxis: {range: [-1.05, 1.05], title: "East ← → West"}, margin: {t: 10}},
    {displayModeBar: false});
}
function mvDyad(id) {
  const el = document.getElementById(id), ab = mvData(el, "ab"), ba = mvData(el, "ba");
  const t = (rows, name) => ({x: rows.map(r => mvTime(r.period)), y: rows.map(r => r.events), type: "bar",
                              name: name, text: rows.map(r => r.period), hovertemplate: "%{text}: %{y}"});
  Plotly.newPlot(el, [t(ab, el.dataset.a + " → " + el.dataset.b), t(ba, el.dataset.b + " → " + el.dataset.a)],
    {barmode: "group", margin: {t: 10}, xaxis: {type: "date"}, yaxis: {title: "events"}},
    {displayModeBar: false});
}
// Charts start from data-chart attributes: the Content-Security-Policy allows no inline script.
document.addEventListener("DOMContentLoaded", () => {
  const charts = {balance: mvBalance, dyad: mvDyad};
  for (const el of document.querySelectorAll("[data-chart]")) {
    const draw = charts[el.dataset.chart];
    if (draw && typeof Plotly !== "undefined") draw(el.id);
  }
});
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload");
  if (!form) return;
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const out = document.getElementById("result");
    out.textContent = "Ingesting…";
    const resp = await fetch("/api/ingest", {method: "POST", body: new FormData(form)});
    const data = await resp.json();
    out.textContent = "";
    if (!resp.ok) { out.className = "error"; out.textContent = data.detail; return; }
    const p = document.createElement("p");
    p.textContent = `${data.added} new article(s), ${data.events} event(s).`;
    out.appendChild(p);
    const ul = document.createElement("ul");
    for (const f of data.files) {
      for (const a of f.articles) {
        const li = document.createElement("li"), link = document.createElement("a");
        link.href = "/article/" + encodeURIComponent(a.id); link.textContent = a.title || a.id;
        li.appendChild(link); ul.appendChild(li);
      }
      for (const e of f.errors) { const li = document.createElement("li"); li.className = "error"; li.textContent = e; ul.appendChild(li); }
    }
    out.appendChild(ul);
  });
});
