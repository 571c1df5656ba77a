// Bulwark console: the little JavaScript the pages need (no inline script: CSP is 'self' only).
// - live events over the WebSocket at /ws/events (the session cookie authenticates it),
//   reconnecting with backoff: ONE socket per page, shared by every script on it; pages add
//   their types and a listener with BulwarkConsole.live(types, onEvent) (onEvent sees every
//   frame but pings: events, "welcome", "subscribed"), BulwarkConsole.subscribe(types)
//   replaces the socket's filter (sent on the open socket, kept for reconnections; [] means
//   everything), BulwarkConsole.onStatus(fn) hears "live"/"reconnecting…"/"signed out";
// - keyboard: "g" then a page's letter navigates, "?" lists the shortcuts;
// - charts: <div class="chart" data-chart-src="URL"> draws the JSON series the URL returns
//   ({"labels": [...], "series": {"name": [..]}, "x": [unix seconds]}) with uPlot;
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
  const charts = new WeakMap();
  function drawChart(el) {
    const src = el.dataset.chartSrc;
    if (!src || typeof uPlot === "undefined") { return; }
    fetch(src, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        const names = Object.keys(data.series || {});
        const palette = ["#4aa3ff", "#3fb950", "#d29922", "#f85149", "#bc8cff", "#39c5cf"];
        const opts = {
          width: Math.max(el.clientWidth, 280),
          height: Number(el.dataset.chartHeight || 220),
          scales: { x: { time: data.time !== false } },
          axes: [{ stroke: "#9aa7b4", grid: { stroke: "#2a3440" } }, { stroke: "#9aa7b4", grid: { stroke: "#2a3440" } }],
          series: [{}].concat(names.map(function (n, i) { return { label: n, stroke: palette[i % palette.length], width: 1.5 }; })),
        };
        const rows = [data.x].concat(names.map(function (n) { return data.series[n]; }));
        const old = charts.get(el);
        if (old) { old.destroy(); }
        el.textContent = "";
        charts.set(el, new uPlot(opts, rows, el));
        el.dataset.drawn = String(data.x.length);
      })
      .catch(function () { el.dataset.drawn = "error"; });
  }
  function drawCharts(root) {
    (root || document).querySelectorAll("[data-chart-src]").forEach(drawChart);
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
