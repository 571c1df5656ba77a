// An illiquid asset's value over time: <div data-value-chart="JSON"> with {"x": [epoch seconds],
// "value": [...], "cost": [...], "currency": "USD"}: the value at each valuation as a line with
// its points, the cost as a dashed line. Sets data-drawn to the number of points drawn (the
// browser tests read it).
(function () {
  "use strict";
  const charts = new WeakMap();
  function draw(el) {
    if (typeof uPlot === "undefined" || !el.dataset.valueChart) { return; }
    let data;
    try { data = JSON.parse(el.dataset.valueChart); } catch (err) { el.dataset.drawn = "error"; return; }
    const xs = data.x || [];
    const money = function (u, vals) { return vals.map(function (v) { return v === null ? "" : v.toLocaleString(); }); };
    const opts = {
      width: Math.max(el.clientWidth, 280),
      height: Number(el.dataset.chartHeight || 240),
      scales: { x: { time: true }, y: { auto: true } },
      axes: [
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" } },
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, size: 70, values: money },
      ],
      series: [
        {},
        { label: "Value (" + (data.currency || "") + ")", stroke: "#4aa3ff", width: 2, points: { show: true, size: 7, fill: "#4aa3ff" } },
        { label: "Cost", stroke: "#ffd33d", dash: [6, 4], points: { show: false } },
      ],
    };
    const old = charts.get(el);
    if (old) { old.destroy(); }
    el.textContent = "";
    charts.set(el, new uPlot(opts, [xs, data.value || [], data.cost || []], el));
    el.dataset.drawn = String(xs.length);
  }
  function drawAll(root) {
    (root || document).querySelectorAll("[data-value-chart]").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
