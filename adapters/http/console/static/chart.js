// The price chart of /console/chart: bars and server-computed indicators from the element's
// `data-src` (JSON, the cookie session), drawn with uPlot -- candles (or the close line),
// volume bars under them, moving averages and Bollinger bands over them, RSI in its own pane.
// Live: /ws/quotes follows the symbol (the session cookie authenticates it) and each quote
// moves the last bar's close; when the socket fails the data route is polled every 5 s.
(function () {
  "use strict";
  const POLL_MS = 5000;
  const RETRY_MS = 30000;  // while polling, the socket is tried again this often
  const COLORS = ["#f2cc60", "#a371f7", "#ff7b72", "#79c0ff", "#56d364", "#ffa657", "#d2a8ff", "#e3b341"];

  function num(values) { return values.map(function (v) { return v === null ? null : Number(v); }); }

  function candleHook(state) {
    return function (u) {
      if (state.look !== "candles") { return; }
      const d = state.data;
      const ctx = u.ctx;
      const [i0, i1] = [u.series[0].idxs ? u.series[0].idxs[0] : 0, u.series[0].idxs ? u.series[0].idxs[1] : d.x.length - 1];
      const span = d.x.length > 1 ? Math.abs(u.valToPos(d.x[1], "x", true) - u.valToPos(d.x[0], "x", true)) : 12;
      const width = Math.max(1, Math.min(14, span * 0.6));
      ctx.save();
      for (let i = i0; i <= i1 && i < d.x.length; i++) {
        const x = Math.round(u.valToPos(d.x[i], "x", true));
        const up = d.close[i] >= d.open[i];
        ctx.strokeStyle = ctx.fillStyle = up ? "#3fb950" : "#e5534b";
        ctx.beginPath();
        ctx.moveTo(x, u.valToPos(d.high[i], "y", true));
        ctx.lineTo(x, u.valToPos(d.low[i], "y", true));
        ctx.stroke();
        const top = u.valToPos(Math.max(d.open[i], d.close[i]), "y", true);
        const bottom = u.valToPos(Math.min(d.open[i], d.close[i]), "y", true);
        ctx.fillRect(x - width / 2, top, width, Math.max(1, bottom - top));
      }
      ctx.restore();
    };
  }

  function columns(data) {
    return {
      x: data.x, open: num(data.open), high: num(data.high), low: num(data.low),
      close: num(data.close), volume: num(data.volume), indicators: data.indicators,
    };
  }

  function priceSeries(d, look) {
    const series = [{}, { label: "Close", stroke: look === "candles" ? "transparent" : "#58a6ff", width: 1.5, scale: "y" }];
    const rows = [d.x, d.close];
    let color = 0;
    d.indicators.forEach(function (ind) {
      if (ind.name === "rsi") { return; }
      Object.keys(ind.columns).forEach(function (col) {
        if (ind.name === "bbands" && (col === "width" || col === "percent_b")) { return; }
        const label = ind.name === "bbands" ? ind.key + " " + col : ind.key;
        series.push({ label: label, stroke: COLORS[color % COLORS.length], width: 1, scale: "y", dash: ind.name === "bbands" && col !== "middle" ? [4, 3] : undefined });
        rows.push(ind.columns[col]);
      });
      color += 1;
    });
    const maxVol = Math.max.apply(null, d.volume.concat([1]));
    series.push({ label: "Volume", scale: "vol", stroke: "#3a4756", fill: "rgba(88,166,255,0.25)", paths: uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 14] }) : undefined, points: { show: false } });
    rows.push(d.volume);
    return { series: series, rows: rows, maxVol: maxVol };
  }

  function width(el) { return Math.max(240, el.clientWidth || el.parentElement.clientWidth || 600); }

  function draw(state) {
    const el = state.el;
    const d = state.data;
    const spec = priceSeries(d, state.look);
    if (state.plot) { state.plot.destroy(); }
    el.textContent = "";
    state.plot = new uPlot({
      width: width(el), height: window.innerWidth < 600 ? 260 : 380,
      scales: { x: { time: true }, vol: { range: [0, spec.maxVol * 4] } },
      axes: [
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" } },
        { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, scale: "y", size: 64 },
      ],
      series: spec.series,
      hooks: { draw: [candleHook(state)] },
      legend: { live: false },
    }, spec.rows, el);
    el.dataset.drawn = "true";
    drawRsi(state);
  }

  function drawRsi(state) {
    const pane = document.getElementById("rsi-chart");
    const rsi = state.data.indicators.filter(function (i) { return i.name === "rsi"; });
    if (!pane || rsi.length === 0) { return; }
    pane.hidden = false;
    if (state.rsiPlot) { state.rsiPlot.destroy(); }
    pane.textContent = "";
    state.rsiPlot = new uPlot({
      width: width(state.el), height: 140,
      scales: { x: { time: true }, y: { range: [0, 100] } },
      axes: [{ stroke: "#9aa7b4", grid: { stroke: "#2a3440" } }, { stroke: "#9aa7b4", grid: { stroke: "#2a3440" }, size: 64 }],
      series: [{}].concat(rsi.map(function (r, i) { return { label: r.key, stroke: COLORS[(i + 3) % COLORS.length], width: 1.5 }; })),
      legend: { live: false },
    }, [state.data.x].concat(rsi.map(function (r) { return r.columns.value; })), pane);
  }

  function showLast(text) {
    const el = document.getElementById("chart-last");
    if (el) { el.textContent = text; }
  }

  function setFeed(state) {
    const el = document.getElementById("chart-feed");
    if (el) { el.dataset.state = state; el.textContent = state; }
  }

  function applyPrice(state, text) {
    const price = Number(text);
    if (!isFinite(price) || price <= 0 || state.data.x.length === 0) { return; }
    const d = state.data;
    const i = d.x.length - 1;
    d.close[i] = price;
    d.high[i] = Math.max(d.high[i], price);
    d.low[i] = Math.min(d.low[i], price);
    showLast(text);
    if (state.plot) { state.plot.setData(priceSeries(d, state.look).rows); }
  }

  function load(state) {
    return fetch(state.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      })
      .then(function (answer) {
        const note = document.getElementById("chart-note");
        if (!answer.ok) {
          if (note) { note.textContent = (answer.body && answer.body.detail) || "no chart data"; }
          state.el.dataset.drawn = "error";
          return false;
        }
        if (note) { note.textContent = ""; }
        state.data = columns(answer.body);
        const closes = answer.body.close;
        showLast(closes.length ? closes[closes.length - 1] : "—");
        draw(state);
        return true;
      })
      .catch(function () { state.el.dataset.drawn = "error"; return false; });
  }

  function poll(state) {
    if (state.polling) { return; }
    state.polling = setInterval(function () { load(state); }, POLL_MS);
    setFeed("polling");
  }

  function stopPolling(state) {
    if (state.polling) { clearInterval(state.polling); state.polling = null; }
  }

  function follow(state) {
    if (typeof WebSocket === "undefined") { poll(state); return; }
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    let socket;
    try {
      socket = new WebSocket(scheme + "//" + location.host + "/ws/quotes?symbols=" + encodeURIComponent(state.symbol));
    } catch (e) { poll(state); return; }
    socket.addEventListener("message", function (message) {
      let frame;
      try { frame = JSON.parse(message.data); } catch (e) { return; }
      if (frame.type === "subscribed") { stopPolling(state); setFeed("live"); }
      if (frame.type === "ping") { socket.send(JSON.stringify({ action: "pong" })); }
      if (frame.type !== "quotes" || !state.data) { return; }
      frame.quotes.forEach(function (q) {
        if (q.symbol !== state.symbol) { return; }
        const last = Number(q.last) > 0 ? q.last : null;
        if (last !== null) { applyPrice(state, last); return; }
        const bid = Number(q.bid), ask = Number(q.ask);
        if (bid > 0 && ask > 0) { applyPrice(state, ((bid + ask) / 2).toFixed(8)); }
      });
    });
    socket.addEventListener("close", function () {
      if (state.socket !== socket) { return; }
      state.socket = null;
      poll(state);
      setTimeout(function () { if (!state.socket) { follow(state); } }, RETRY_MS);
    });
    state.socket = socket;
  }

  function start() {
    const el = document.getElementById("price-chart");
    if (!el || typeof uPlot === "undefined") { return; }
    const styleSelect = document.getElementById("chart-style");
    const state = { el: el, src: el.dataset.src, symbol: el.dataset.symbol, look: styleSelect ? styleSelect.value : "candles", plot: null, rsiPlot: null, data: null, polling: null };
    if (styleSelect) {
      styleSelect.addEventListener("change", function () { state.look = styleSelect.value; if (state.data) { draw(state); } });
    }
    window.addEventListener("resize", function () {
      if (state.plot) { state.plot.setSize({ width: width(el), height: state.plot.height }); }
      if (state.rsiPlot) { state.rsiPlot.setSize({ width: width(el), height: 140 }); }
    });
    load(state).then(function () { follow(state); });
    window.bulwarkChart = state;  // for the browser tests and the curious
  }

  document.addEventListener("DOMContentLoaded", start);
})();
