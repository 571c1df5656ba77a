// Bulwark console: the little JavaScript the pages need (no inline script: CSP is 'self' only).
// - live events over the WebSocket at /ws/events (the session cookie authenticates it),
//   reconnecting with backoff: ONE socket per page, shared by every script on it; pages add
//   their types and a listener with BulwarkConsole.live(types, onEvent) (onEvent sees every
//   frame but pings: events, "welcome", "subscribed"), BulwarkConsole.subscribe(types)
//   replaces the socket's filter (sent on the open socket, kept for reconnections; [] means
//   everything), BulwarkConsole.onStatus(fn) hears "live"/"reconnecting…"/"signed out";
// - keyboard: "g" then a page's letter navigates, "?" lists the shortcuts;
// - charts: <div class="chart" data-chart-src="URL"> draws the JSON series the URL returns
//   ({"series": {"name": [..]}, "x": [unix seconds]}) with uPlot, <div data-chart-data="JSON">
//   the JSON in the attribute (options below, at "charts");
// - confirmation: <form data-confirm="text"> asks before it submits.
(function () {
  "use strict";

  const listeners = [];
  const statusListeners = [];
  let socket = null;
  let wanted = new Set();
  let backoff = 500;

  function socketUrl() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const types = Array.from(wanted).join(",");
    return scheme + "//" + location.host + "/ws/events" + (types ? "?types=" + encodeURIComponent(types) : "");
  }

  function setStatus(text, state) {
    document.querySelectorAll("[data-live-status]").forEach(function (el) {
      el.textContent = text;
      el.dataset.state = state;
    });
    statusListeners.forEach(function (fn) { fn(text, state); });
  }

  function connect() {
    if (socket) { return; }
    socket = new WebSocket(socketUrl());
    socket.addEventListener("open", function () { backoff = 500; setStatus("live", "ok"); });
    socket.addEventListener("message", function (message) {
      let event;
      try { event = JSON.parse(message.data); } catch (err) { return; }
      if (event.type === "ping") { socket.send('{"action":"pong"}'); return; }
      listeners.forEach(function (fn) { fn(event); });
    });
    socket.addEventListener("close", function (close) {
      socket = null;
      if (close.code === 4401) { setStatus("signed out", "bad"); location.reload(); return; }
      setStatus("reconnecting…", "warn");
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 10000);
    });
  }

  function live(types, onEvent) {
    (types || []).forEach(function (t) { wanted.add(t); });
    listeners.push(onEvent);
    connect();
  }

  function subscribe(types) {
    wanted = new Set(types || []);
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ action: "subscribe", types: Array.from(wanted), accounts: [] }));
    }
  }

  function onStatus(fn) { statusListeners.push(fn); }

  // -- keyboard ------------------------------------------------------------------------
  let pendingG = false;
  document.addEventListener("keydown", function (e) {
    const target = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    if (e.key === "?") {
      const help = document.getElementById("keys-help");
      if (help && !help.open) { help.showModal(); e.preventDefault(); }
      return;
    }
    if (e.key === "Shift") { return; }  // g then Shift and a letter: the upper-case pages
    if (pendingG) {
      pendingG = false;
      const link = document.querySelector('nav a[data-key="' + e.key + '"]');
      if (link) { e.preventDefault(); location.href = link.getAttribute("href"); }
      return;
    }
    if (e.key === "g") { pendingG = true; setTimeout(function () { pendingG = false; }, 1500); }
  });

  // -- confirmations -------------------------------------------------------------------
  document.addEventListener("submit", function (e) {
    const form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  // -- charts --------------------------------------------------------------------------
  // The data comes from `data-chart-src` (a URL answering JSON) or `data-chart-data` (the JSON
  // itself, in the attribute): {"x": [...], "series": {"name": [...]}, "time": false (x is not
  // unix seconds), "xLabel": the x series' name in the legend, "bars": true (bars, not lines), "bands": [["upper", "lower"], ...] (filled
  // between two series), "markers": [{"x": value, "label": "text"}] (vertical lines)}.
  const charts = new WeakMap();
  const palette = ["#4aa3ff", "#3fb950", "#d29922", "#f85149", "#bc8cff", "#39c5cf"];
  function markerHook(markers) {
    return function (u) {
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = "#ffd33d";
      ctx.fillStyle = "#ffd33d";
      ctx.setLineDash([4, 4]);
      ctx.font = Math.round(11 * devicePixelRatio) + "px sans-serif";
      markers.forEach(function (m) {
        const left = u.valToPos(m.x, "x", true);
        // Off the plotted range (a zero-gamma level beyond the strikes): said in the caption.
        if (!isFinite(left) || left < u.bbox.left || left > u.bbox.left + u.bbox.width) { return; }
        ctx.beginPath();
        ctx.moveTo(left, u.bbox.top);
        ctx.lineTo(left, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.fillText(m.label || "", left + 4, u.bbox.top + 12 * devicePixelRatio);
      });
      ctx.restore();
    };
  }
  // Axis ticks: 1,250,000 -> 1.25M (a wide number would be cut at the axis's edge).
  function compact(v) {
    if (v === null || v === undefined) { return ""; }
    const a = Math.abs(v);
    if (a >= 1e9) { return +(v / 1e9).toFixed(2) + "B"; }
    if (a >= 1e6) { return +(v / 1e6).toFixed(2) + "M"; }
    if (a >= 1e4) { return +(v / 1e3).toFixed(1) + "k"; }
    return String(+v.toFixed(6));
  }
  function render(el, data) {
    const names = Object.keys(data.series || {});
    const bars = data.bars && uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 48] }) : null;
    const opts = {
      width: Math.max(el.clientWidth, 280),
      height: Number(el.dataset.chartHeight || 220),
      scales: { x: { time: data.time !== false } },
      axes: [
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" } },
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, size: 64, values: function (u, vals) { return vals.map(compact); } },
      ],
      series: [data.xLabel ? { label: data.xLabel } : {}].concat(names.map(function (n, i) {
        const s = { label: n, stroke: palette[i % palette.length], width: 1.5 };
        if (bars) { s.paths = bars; s.fill = palette[i % palette.length] + "99"; }
        return s;
      })),
    };
    if (data.bands) {
      opts.bands = data.bands.map(function (pair, i) {
        return { series: [names.indexOf(pair[0]) + 1, names.indexOf(pair[1]) + 1], fill: i % 2 ? "rgba(74,163,255,0.28)" : "rgba(74,163,255,0.14)" };
      });
    }
    if (data.markers && data.markers.length) { opts.hooks = { draw: [markerHook(data.markers)] }; }
    const rows = [data.x].concat(names.map(function (n) { return data.series[n]; }));
    const old = charts.get(el);
    if (old) { old.destroy(); }
    el.textContent = "";
    charts.set(el, new uPlot(opts, rows, el));
    el.dataset.series = String(names.length);
    el.dataset.drawn = String(data.x.length);
  }
  function drawChart(el) {
    if (typeof uPlot === "undefined") { return; }
    if (el.dataset.chartData) {
      try { render(el, JSON.parse(el.dataset.chartData)); } catch (err) { el.dataset.drawn = "error"; }
      return;
    }
    const src = el.dataset.chartSrc;
    if (!src) { return; }
    fetch(src, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { render(el, data); } })
      .catch(function () { el.dataset.drawn = "error"; });
  }
  function drawCharts(root) {
    (root || document).querySelectorAll("[data-chart-src], [data-chart-data]").forEach(drawChart);
  }
  // The menu is a <details> that folds on phones; on wider screens it stays open.
  function fitMenu() {
    const menu = document.getElementById("menu");
    if (menu && window.matchMedia("(min-width: 900px)").matches) { menu.open = true; }
  }
  window.addEventListener("resize", fitMenu);
  document.addEventListener("DOMContentLoaded", function () { fitMenu(); drawCharts(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawCharts(e.target); });

  window.BulwarkConsole = { live: live, subscribe: subscribe, onStatus: onStatus, drawCharts: drawCharts };
})();
