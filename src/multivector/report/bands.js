// Confidence band for a balance series, shared by the HTML report (inlined) and the dashboard (served).
// One closed shape per run of periods that have an interval: a period without one (no West/East weight)
// breaks the band instead of being bridged by a fill that would suggest an interval it does not have.
function mvBands(x, lo, hi, style) {
  var bands = [], run = [];
  for (var i = 0; i <= x.length; i++) {
    if (i < x.length && lo[i] !== null && hi[i] !== null) { run.push(i); continue; }
    if (run.length) {
      var back = run.slice().reverse();
      var at = function(arr){ return function(j){ return arr[j]; }; };
      bands.push({x: run.map(at(x)).concat(back.map(at(x))), y: run.map(at(hi)).concat(back.map(at(lo))),
                  mode: 'lines', line: {width: 0}, fill: 'toself', fillcolor: style.fillcolor,
                  hoverinfo: 'skip', name: style.name, legendgroup: 'ci', showlegend: bands.length === 0});
    }
    run = [];
  }
  return bands;
}
// A period label as a point in time for a date axis, at the middle of its period ("2024Q1" → mid-February,
// "2024-03" → the 15th, "2024" → 1 July), so a chart spaces periods as time passes and a gap shows.
function mvTime(p) {
  var q = /^(\d{4})Q([1-4])$/.exec(p);
  if (q) { var m = 3 * Number(q[2]) - 1; return q[1] + '-' + (m < 10 ? '0' : '') + m + '-15'; }
  if (/^\d{4}$/.test(p)) return p + '-07-01';
  if (/^\d{4}-\d{2}$/.test(p)) return p + '-15';
  return p;
}
