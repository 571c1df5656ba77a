// A futures curve: <div data-futures-chart="JSON"> with {"x": [years to expiry], "price":
// [settlement], "labels": [contract], "unit": "USD/bbl"}: the settlements as a line with its
// points. Sets data-drawn to the number of points drawn (the browser tests read it).
(function () {
  "use strict";
  const charts = new WeakMap();
  function draw(el) {
    if (typeof uPlot === "undefined" || !el.dataset.futuresChart) { return; }
    let data;
    try { data = JSON.parse(el.dataset.futuresChart); } catch (err) { el.dataset.drawn = "error"; return; }
    const xs = data.x || [];
    const labels = data.labels || [];
    const opts = {
      width: Math.max(el.clientWidth, 280),
      height: Number(el.dataset.chartHeight || 260),
      scales: { x: { time: false }, y: { auto: true } },
      axes: [
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, values: function (u, vals) { return vals.map(function (v) { return (+v.toFixed(2)) + "y"; }); } },
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, size: 60 },
      ],
      series: [
        { label: "Contract", value: function (u, v, s, i) { return i === null || i === undefined ? "" : (labels[i] || ""); } },
        { label: "Settlement " + (data.unit || ""), stroke: "#4aa3ff", width: 2, points: { show: true, size: 7, fill: "#4aa3ff" } },
      ],
    };
    const old = charts.get(el);
    if (old) { old.destroy(); }
    el.textContent = "";
    charts.set(el, new uPlot(opts, [xs, data.price || []], el));
    el.dataset.drawn = String(xs.length);
  }
  function drawAll(root) {
    (root || document).querySelectorAll("[data-futures-chart]").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
