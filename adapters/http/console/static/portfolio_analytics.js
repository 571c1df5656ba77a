// Analytics charts drawn with uPlot from data attributes (no inline script under the CSP):
// - <div data-effects-chart="JSON"> with {"labels": [sectors], "series": {"allocation": [...],
//   "selection": [...], "interaction": [...]}} (percent): grouped bars per sector;
// - <div data-frontier-chart="JSON"> with {"frontier": [[vol, ret], ...], "chosen": [vol, ret],
//   "chosenLabel": "...", "assets": [{"name", "x", "y"}]} (percent): the frontier as a line,
//   each asset as a dot and the chosen portfolio as a larger marked dot.
// Each sets data-drawn (sectors / frontier points drawn) once drawn; the browser tests read it.
(function () {
  "use strict";
  const charts = new WeakMap();
  const palette = ["#4aa3ff", "#3fb950", "#d29922", "#f85149", "#bc8cff"];
  const axis = { stroke: "#9aa7b4", grid: { stroke: "#2a3440" } };
  const none = function () { return null; };
  function pct(u, vals) { return vals.map(function (v) { return +v.toFixed(2) + " %"; }); }
  function withZero(u, min, max) {
    const lo = Math.min(0, min), hi = Math.max(0, max), pad = (hi - lo) * 0.08 || 1;
    return [lo - pad, hi + pad];
  }
  function mount(el, opts, rows, drawn) {
    const old = charts.get(el);
    if (old) { old.destroy(); }
    el.textContent = "";
    charts.set(el, new uPlot(opts, rows, el));
    el.dataset.drawn = String(drawn);
  }
  function effects(el, data) {
    const labels = data.labels || [];
    const names = Object.keys(data.series || {});
    const xs = labels.map(function (_, i) { return i; });
    function bars(u) {
      const ctx = u.ctx;
      const step = labels.length > 1 ? u.valToPos(1, "x", true) - u.valToPos(0, "x", true) : u.bbox.width / 2;
      const width = Math.max(step * 0.7 / Math.max(names.length, 1), 2);
      const zero = u.valToPos(0, "y", true);
      ctx.save();
      names.forEach(function (name, k) {
        ctx.fillStyle = palette[k % palette.length];
        data.series[name].forEach(function (v, i) {
          if (v === null || v === undefined) { return; }
          const left = u.valToPos(i, "x", true) - (width * names.length) / 2 + k * width;
          const top = u.valToPos(v, "y", true);
          ctx.fillRect(left, Math.min(top, zero), width - 1, Math.max(Math.abs(zero - top), 1));
        });
      });
      ctx.restore();
    }
    const opts = {
      width: Math.max(el.clientWidth, 280),
      height: Number(el.dataset.chartHeight || 240),
      scales: { x: { time: false, range: [-0.5, Math.max(labels.length - 0.5, 0.5)] }, y: { range: withZero } },
      axes: [
        { stroke: "#9aa7b4", grid: { show: false }, splits: function () { return xs; },
          values: function (u, vals) { return vals.map(function (v) { return labels[v] || ""; }); } },
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, size: 64, values: pct },
      ],
      series: [{ label: "Sector", value: function (u, v) { return v === null || v === undefined ? "" : labels[v]; } }].concat(
        names.map(function (n, k) {
          return { label: n.charAt(0).toUpperCase() + n.slice(1) + " %", stroke: palette[k % palette.length], paths: none, points: { show: false } };
        })),
      hooks: { draw: [bars] },
    };
    mount(el, opts, [xs].concat(names.map(function (n) { return data.series[n]; })), labels.length);
  }
  function frontier(el, data) {
    const points = (data.frontier || []).slice().sort(function (a, b) { return a[0] - b[0]; });
    const assets = (data.assets || []).filter(function (a) { return a.x !== null && a.y !== null; });
    const chosen = data.chosen || [null, null];
    // One x axis for every series: the frontier's, the assets' and the chosen volatility.
    const rows = [];
    points.forEach(function (p) { rows.push({ x: p[0], line: p[1] }); });
    assets.forEach(function (a) { rows.push({ x: a.x, asset: a.y, name: a.name }); });
    if (chosen[0] !== null && chosen[1] !== null) { rows.push({ x: chosen[0], chosen: chosen[1] }); }
    rows.sort(function (a, b) { return a.x - b.x; });
    function col(key) { return rows.map(function (r) { return r[key] === undefined ? null : r[key]; }); }
    function names(u) {
      const ctx = u.ctx;
      ctx.save();
      ctx.fillStyle = "#9aa7b4";
      ctx.font = Math.round(11 * devicePixelRatio) + "px sans-serif";
      rows.forEach(function (r) {
        if (r.name) { ctx.fillText(r.name, u.valToPos(r.x, "x", true) + 6, u.valToPos(r.asset, "y", true) - 4); }
        if (r.chosen !== undefined) {
          ctx.fillStyle = "#ffd33d";
          ctx.fillText(data.chosenLabel || "chosen", u.valToPos(r.x, "x", true) + 8, u.valToPos(r.chosen, "y", true) + 14);
          ctx.fillStyle = "#9aa7b4";
        }
      });
      ctx.restore();
    }
    const opts = {
      width: Math.max(el.clientWidth, 280),
      height: Number(el.dataset.chartHeight || 260),
      scales: { x: { time: false } },
      axes: [Object.assign({ values: pct }, axis), Object.assign({ size: 64, values: pct }, axis)],
      series: [
        { label: "Volatility %" },
        { label: "Frontier return %", stroke: "#4aa3ff", width: 2, spanGaps: true, points: { show: false } },
        { label: "Asset return %", stroke: "#9aa7b4", paths: none, points: { show: true, size: 7, fill: "#9aa7b4" } },
        { label: (data.chosenLabel || "Chosen") + " %", stroke: "#ffd33d", paths: none, points: { show: true, size: 13, fill: "#ffd33d" } },
      ],
      hooks: { draw: [names] },
    };
    mount(el, opts, [col("x"), col("line"), col("asset"), col("chosen")], points.length);
  }
  function draw(el) {
    if (typeof uPlot === "undefined") { return; }
    try {
      if (el.dataset.effectsChart) { effects(el, JSON.parse(el.dataset.effectsChart)); }
      if (el.dataset.frontierChart) { frontier(el, JSON.parse(el.dataset.frontierChart)); }
    } catch (err) { el.dataset.drawn = "error"; }
  }
  function drawAll(root) {
    (root || document).querySelectorAll("[data-effects-chart], [data-frontier-chart]").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
