/* Browser notifications: a button with [data-push-enable] asks for permission, registers
   the service worker (push-sw.js), subscribes with the server's VAPID key and registers
   the subscription as the user's Web Push endpoint. Hidden when the browser or the server
   cannot do Web Push. */
(function () {
  "use strict";
  function csrf() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || ""; }
    catch (err) { return ""; }
  }
  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }
  function say(button, text) { button.textContent = text; }
  function enable(button) {
    button.disabled = true;
    Notification.requestPermission().then(function (answer) {
      if (answer !== "granted") { throw new Error("permission " + answer); }
      return Promise.all([
        navigator.serviceWorker.register("/console/static/push-sw.js"),
        fetch("/console/push/key", { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (r) { if (!r.ok) { throw new Error("no key"); } return r.json(); })
      ]);
    }).then(function (both) {
      return both[0].pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(both[1].public_key) });
    }).then(function (subscription) {
      return fetch("/console/push/subscriptions", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
        body: JSON.stringify({ subscription: subscription.toJSON(), label: navigator.userAgent.slice(0, 60) })
      });
    }).then(function (r) {
      say(button, r.ok ? "Browser notifications on" : "Could not register this browser");
    }).catch(function () {
      button.disabled = false;
      say(button, "Browser notifications unavailable");
    });
  }
  function init() {
    var button = document.querySelector("[data-push-enable]");
    if (!button) { return; }
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      button.hidden = true;
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () { enable(button); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
