// Overview: reload the body at once on kill_switch and margin events (htmx polls it every 5 s
// anyway, so a closed WebSocket only makes it slower). No inline script (CSP).
(function () {
  "use strict";
  let timer = null;
  function refresh() {
    if (timer) { return; }
    timer = setTimeout(function () {
      timer = null;
      if (window.htmx) { window.htmx.trigger(document.body, "ov-refresh"); }
    }, 150);
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (window.BulwarkConsole) { window.BulwarkConsole.live(["kill_switch", "margin"], refresh); }
  });
})();
