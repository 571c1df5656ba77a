// Live events page: the /ws/events stream as a list, newest first, capped; category and type
// filters resubscribe on the open socket ({"action": "subscribe", "types": [...]}); pause keeps
// what arrives and shows it on resume. The socket is the page's one (BulwarkConsole.live in
// console.js: reconnection, backoff, sign-out); nothing else on this page listens to it, so
// its filter is this page's to set (BulwarkConsole.subscribe).
(function () {
  "use strict";

  const root = document.getElementById("events-page");
  if (!root) { return; }
  const maxRows = Number(root.dataset.maxRows || 500);
  const list = document.getElementById("events-list");
  const empty = document.getElementById("events-empty");
  const status = document.getElementById("events-status");
  const pauseButton = document.getElementById("events-pause");
  const waiting = document.getElementById("events-waiting");
  const filters = document.getElementById("events-filters");
  const filterState = document.getElementById("events-filter-state");

  let paused = false;
  let held = [];

  function setStatus(text, state) {
    status.textContent = text;
    status.dataset.state = state;
    status.className = "state state-" + state;
  }

  function wantedTypes() {
    const boxes = Array.from(filters.querySelectorAll('input[name="category"]'));
    const picked = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    const named = document.getElementById("events-types").value.split(",")
      .map(function (t) { return t.trim(); }).filter(Boolean);
    if (picked.length === boxes.length && named.length === 0) { return []; } // everything
    if (picked.length === 0 && named.length === 0) { return ["none"]; } // nothing matches
    return picked.concat(named);
  }

  function describeFilter(types) {
    filterState.textContent = types.length === 0 ? "Showing every event you may see."
      : "Showing: " + types.join(", ");
  }

  function subscribe() {
    const types = wantedTypes();
    describeFilter(types);
    window.BulwarkConsole.subscribe(types);
  }

  const SKIP = { account_id: 1, type: 1 };
  function show(value) {
    if (value === null || value === undefined) { return ""; }
    if (Array.isArray(value)) { return value.join(" "); }
    if (typeof value === "object") { return JSON.stringify(value); }
    return String(value);
  }
  function summary(data) {
    if (!data || typeof data !== "object") { return show(data); }
    return Object.keys(data).filter(function (k) { return !SKIP[k]; })
      .map(function (k) { return k + "=" + show(data[k]); }).join(" · ");
  }
  function accountOf(event) {
    const data = event.data || {};
    return data.account_id || data.scope_key || data.agent_id || event.aggregate_id || "";
  }
  function cell(cls, text) {
    const span = document.createElement("span");
    span.className = cls;
    span.textContent = text;
    return span;
  }

  function render(event, at) {
    const li = document.createElement("li");
    li.className = "event cat-" + event.category;
    li.tabIndex = -1;
    li.dataset.event = event.event;
    li.dataset.category = event.category;
    const data = event.data || {};
    if (data.order_id) { li.dataset.orderId = data.order_id; }
    const time = document.createElement("time");
    time.dateTime = at.toISOString();
    time.textContent = at.toISOString().substring(11, 19);
    li.appendChild(time);
    const type = cell("type", event.event + " ");
    type.appendChild(cell("cat", event.category.replace("_", " ")));
    li.appendChild(type);
    li.appendChild(cell("account", accountOf(event)));
    li.appendChild(cell("summary", summary(data)));
    return li;
  }

  function add(event, at) {
    list.insertBefore(render(event, at), list.firstChild);
    while (list.children.length > maxRows) { list.removeChild(list.lastChild); }
    empty.hidden = list.children.length > 0;
  }

  function receive(event) {
    const at = new Date();
    if (paused) {
      held.push([event, at]);
      if (held.length > maxRows) { held.shift(); }
      waiting.textContent = held.length + " waiting";
      return;
    }
    add(event, at);
  }

  pauseButton.addEventListener("click", function () {
    paused = !paused;
    pauseButton.setAttribute("aria-pressed", String(paused));
    pauseButton.textContent = paused ? "Resume" : "Pause";
    if (!paused) {
      held.forEach(function (pair) { add(pair[0], pair[1]); });
      held = [];
      waiting.textContent = "";
    }
  });
  document.getElementById("events-clear").addEventListener("click", function () {
    list.textContent = "";
    empty.hidden = false;
  });
  filters.addEventListener("change", function (e) {
    if (e.target && e.target.name === "category") { subscribe(); }
  });
  filters.addEventListener("submit", function (e) { e.preventDefault(); subscribe(); });
  // Up/Down move between rows once the list has focus.
  list.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") { return; }
    const current = document.activeElement && document.activeElement.parentElement === list
      ? document.activeElement : null;
    const next = current
      ? (e.key === "ArrowDown" ? current.nextElementSibling : current.previousElementSibling)
      : list.firstElementChild;
    if (next) { next.focus(); e.preventDefault(); }
  });

  if (!window.BulwarkConsole) { return; }
  window.BulwarkConsole.onStatus(setStatus);
  const initial = wantedTypes();
  describeFilter(initial);
  window.BulwarkConsole.live(initial, function (frame) {
    if (frame.type === "event") { receive(frame); }
  });
})();
