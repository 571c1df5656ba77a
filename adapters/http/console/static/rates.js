// The Treasury curve: <div data-curve-chart="JSON"> with {"x": [years], "observed": [yield %
// or null], "curve": [yield % or null]}: the observed yields as dots, the interpolated curve as
// a line. Sets data-drawn to the number of tenors drawn (the browser tests read it).
(function () {
  "use strict";
  const charts = new WeakMap();
  function draw(el) {
    if (typeof uPlot === "undefined" || !el.dataset.curveChart) { return; }
    let data;
    try { data = JSON.parse(el.dataset.curveChart); } catch (err) { el.dataset.drawn = "error"; return; }
    const xs = data.x || [];
    const none = function () { return null; };
    const pct = function (u, vals) { return vals.map(function (v) { return v === null ? "" : (+v.toFixed(2)) + " %"; }); };
    const opts = {
      width: Math.max(el.clientWidth, 280),
      height: Number(el.dataset.chartHeight || 260),
      scales: { x: { time: false }, y: { auto: true } },
      axes: [
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, values: function (u, vals) { return vals.map(function (v) { return v + "y"; }); } },
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, size: 60, values: pct },
      ],
      series: [
        { label: "Years" },
        { label: "Interpolated %", stroke: "#4aa3ff", width: 2, spanGaps: true, points: { show: false } },
        { label: "Observed %", stroke: "#ffd33d", paths: none, points: { show: true, size: 8, fill: "#ffd33d" } },
      ],
    };
    const old = charts.get(el);
    if (old) { old.destroy(); }
    el.textContent = "";
    charts.set(el, new uPlot(opts, [xs, data.curve || [], data.observed || []], el));
    el.dataset.drawn = String(xs.length);
  }
  function drawAll(root) {
    (root || document).querySelectorAll("[data-curve-chart]").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
