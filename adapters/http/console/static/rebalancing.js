// Rebalancing drift charts: <div data-drift-chart="JSON"> with {"labels": [symbols], "current",
// "target", "low", "high": [percent per symbol], "out": [bool]}: the current weight as bars,
// the target as a marker, the band (low..high around the target) as a dashed box, red when
// the symbol is out of band.
// Sets data-drawn to the number of symbols drawn (the browser tests read it).
(function () {
  "use strict";
  const charts = new WeakMap();
  function draw(el) {
    if (typeof uPlot === "undefined" || !el.dataset.driftChart) { return; }
    let data;
    try { data = JSON.parse(el.dataset.driftChart); } catch (err) { el.dataset.drawn = "error"; return; }
    const labels = data.labels || [];
    const xs = labels.map(function (_, i) { return i; });
    const bars = uPlot.paths.bars({ size: [0.5, 64] });
    const none = function () { return null; };
    // Each symbol's band: a shaded box from low to high around its target, drawn under the bars.
    function bandBoxes(u) {
      const ctx = u.ctx;
      const half = Math.max((u.valToPos(1, "x", true) - u.valToPos(0, "x", true)) * 0.35, 6);
      ctx.save();
      xs.forEach(function (i) {
        const x = u.valToPos(i, "x", true);
        const top = u.valToPos(data.high[i], "y", true);
        const bottom = u.valToPos(data.low[i], "y", true);
        ctx.fillStyle = data.out[i] ? "rgba(248,81,73,0.16)" : "rgba(63,185,80,0.18)";
        ctx.fillRect(x - half, top, half * 2, bottom - top);
        ctx.strokeStyle = "#3fb950";
        ctx.setLineDash([4, 4]);
        ctx.strokeRect(x - half, top, half * 2, bottom - top);
      });
      ctx.restore();
    }
    const opts = {
      width: Math.max(el.clientWidth, 280),
      height: Number(el.dataset.chartHeight || 240),
      scales: { x: { time: false, range: [-0.5, Math.max(labels.length - 0.5, 0.5)] }, y: { range: [0, 100] } },
      axes: [
        { stroke: "#9aa7b4", grid: { show: false }, splits: function () { return xs; },
          values: function (u, vals) { return vals.map(function (v) { return labels[v] || ""; }); } },
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, values: function (u, vals) { return vals.map(function (v) { return v + " %"; }); } },
      ],
      series: [
        { label: "Symbol", value: function (u, v) { return v === null || v === undefined ? "" : labels[v]; } },
        { label: "Current %", stroke: "#4aa3ff", fill: "#4aa3ff99", paths: bars, points: { show: false } },
        { label: "Target %", stroke: "#ffd33d", paths: none, points: { show: true, size: 12, fill: "#ffd33d" } },
        { label: "Band low %", stroke: "#3fb950", paths: none, points: { show: false } },
        { label: "Band high %", stroke: "#3fb950", paths: none, points: { show: false } },
      ],
      hooks: { drawAxes: [bandBoxes] },
    };
    const rows = [xs, data.current, data.target, data.low, data.high];
    const old = charts.get(el);
    if (old) { old.destroy(); }
    el.textContent = "";
    charts.set(el, new uPlot(opts, rows, el));
    el.dataset.drawn = String(labels.length);
  }
  function drawAll(root) {
    (root || document).querySelectorAll("[data-drift-chart]").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
