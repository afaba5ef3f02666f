// Charts read their data from escaped data-* attributes (no inline data, no HTML built from strings).
function mvData(el, key) { return JSON.parse(el.dataset[key] || "[]"); }
// One closed band per run of periods with an interval: a period without one breaks the band
// instead of being bridged by the fill.
function mvBands(rows) {
  const bands = [];
  let run = [];
  rows.concat([null]).forEach(r => {
    if (r && r.ci_low !== null && r.ci_high !== null) { run.push(r); return; }
    if (run.length) {
      const back = run.slice().reverse();
      bands.push({x: run.map(q => q.period).concat(back.map(q => q.period)),
                  y: run.map(q => q.ci_high).concat(back.map(q => q.ci_low)),
                  mode: "lines", line: {width: 0}, fill: "toself", fillcolor: "rgba(31,58,95,0.2)",
                  hoverinfo: "skip", name: "95% CI", legendgroup: "ci", showlegend: bands.length === 0});
    }
    run = [];
  });
  return bands;
}
function mvBalance(id) {
  const el = document.getElementById(id), rows = mvData(el, "series");
  if (!rows.length) { el.textContent = "No West/East events for this country."; return; }
  const x = rows.map(r => r.period);
  Plotly.newPlot(el, mvBands(rows).concat([
    {x: x, y: rows.map(r => r.balance), mode: "lines+markers", name: "balance", line: {color: "#1f3a5f"}}]),
    {xaxis: {type: "category", categoryorder: "array", categoryarray: x},
     yaxis: {range: [-1.05, 1.05], title: "East ← → West"}, margin: {t: 10}}, {displayModeBar: false});
}
function mvDyad(id) {
  const el = document.getElementById(id), ab = mvData(el, "ab"), ba = mvData(el, "ba");
  const t = (rows, name) => ({x: rows.map(r => r.period), y: rows.map(r => r.events), type: "bar", name: name});
  Plotly.newPlot(el, [t(ab, el.dataset.a + " → " + el.dataset.b), t(ba, el.dataset.b + " → " + el.dataset.a)],
    {barmode: "group", margin: {t: 10}, yaxis: {title: "events"}}, {displayModeBar: false});
}
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
