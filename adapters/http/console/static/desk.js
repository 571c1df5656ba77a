// Desk pages (agents): heartbeat events from the live stream re-render the agents table.
// The table also polls every 5 s (hx-trigger); an event only makes it sooner.
(function () {
  "use strict";
  function start() {
    const table = document.querySelector("[data-live-agents]");
    if (!table || !window.BulwarkConsole || typeof htmx === "undefined") { return; }
    let pending = false;
    window.BulwarkConsole.live(["heartbeat"], function () {
      if (pending) { return; }
      pending = true;  // at most one refresh per second, however many agents beat
      setTimeout(function () { pending = false; htmx.trigger(document.body, "heartbeat"); }, 1000);
    });
  }
  document.addEventListener("DOMContentLoaded", start);
})();
