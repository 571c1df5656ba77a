// Kill-switch page: the live sequence from the event stream, and fresh state/history on every
// kill_switch event. The server-rendered sequence (the activation's reply) and the fragments
// polled every 5 s stay the fallback when the WebSocket is down. No inline script (CSP).
(function () {
  "use strict";

  let pending = null; // {scope, t0}: a command sent from this tab, waiting for its events
  let refreshTimer = null;

  function live() { return document.getElementById("ks-live"); }

  function mark(phase, text, failed) {
    const list = live();
    if (!list || !pending) { return; }
    const item = list.querySelector('[data-phase="' + phase + '"]');
    if (!item || item.classList.contains("done") || item.classList.contains("failed")) { return; }
    item.classList.add(failed ? "failed" : "done");
    const ms = item.querySelector(".ks-ms");
    if (ms) { ms.textContent = "+" + (performance.now() - pending.t0).toFixed(0) + " ms"; }
    if (text) {
      const n = item.querySelector(".ks-n");
      if (n) { n.textContent = text; }
    }
  }

  function start(scope) {
    const list = live();
    pending = { scope: scope, t0: performance.now() };
    if (!list) { return; }
    list.querySelectorAll("li").forEach(function (li) {
      li.classList.remove("done", "failed");
      li.querySelectorAll(".ks-ms, .ks-n").forEach(function (s) { s.textContent = ""; });
    });
    list.hidden = false;
    list.dataset.state = "sent";
    mark("sent");
  }

  function refreshSoon() {
    if (refreshTimer) { return; }
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      if (window.htmx) { window.htmx.trigger(document.body, "ks-refresh"); }
    }, 150);
  }

  function onEvent(frame) {
    refreshSoon();
    const data = frame.data || {};
    if (!pending || data.scope_key !== pending.scope) { return; }
    const list = live();
    if (frame.event === "TradingStateChanged" && data.state === "halted") {
      mark("halted");
      if (list) { list.dataset.state = "halted"; }
    } else if (frame.event === "KillSwitchCompleted") {
      // The state change and the completion travel by different paths (the store's outbox,
      // the publisher): under load the completion can be heard first. A completed run was
      // halted first, so the halt is marked now if its own event is still on its way (the
      // server's record below has the exact times).
      mark("halted");
      mark("cancels", "(" + data.orders_cancelled + " cancelled)");
      if (data.broker_confirmed) {
        mark("confirmed");
        if (list) { list.dataset.state = "confirmed"; }
      } else {
        mark("confirmed", null, true);
        const item = list && list.querySelector('[data-phase="confirmed"]');
        if (item) { item.firstChild.textContent = "UNCONFIRMED by " + (data.unconfirmed_brokers || []).join(", ") + " "; }
        if (list) { list.dataset.state = "unconfirmed"; }
      }
      pending = null;
    }
  }

  document.addEventListener("htmx:beforeRequest", function (e) {
    const form = e.detail && e.detail.elt;
    if (form && form.id === "ks-confirm") { start(form.dataset.scope); }
  });
  // A refused activation (wrong passcode, lockout, scope): the flash says why; the live
  // sequence is taken down rather than left saying "command sent".
  document.addEventListener("htmx:afterRequest", function (e) {
    const form = e.detail && e.detail.elt;
    if (!form || form.id !== "ks-confirm" || !e.detail.xhr || e.detail.xhr.status === 201) { return; }
    pending = null;
    const list = live();
    if (list) { list.hidden = true; list.dataset.state = "refused"; }
  });
  // A resume that went through: its passcodes are not left in the (preserved) fields.
  document.addEventListener("htmx:afterRequest", function (e) {
    const form = e.detail && e.detail.elt;
    if (form && form.id === "ks-resume" && e.detail.xhr && e.detail.xhr.status === 200) { form.reset(); }
  });
  // After the confirmation step is swapped in, the passcode field takes the focus.
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.target && e.target.id === "ks-step") {
      const field = document.getElementById("ks-passcode");
      if (field) { field.focus(); }
      const sequence = document.getElementById("ks-sequence");
      if (sequence) { sequence.scrollIntoView({ block: "nearest" }); }
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (window.BulwarkConsole) { window.BulwarkConsole.live(["kill_switch"], onEvent); }
  });
})();
