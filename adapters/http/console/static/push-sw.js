/* Bulwark's service worker: shows the Web Push notifications the server sends (their
   payload: {id, type, priority, title, body, at}) and opens the console when one is
   clicked. Registered by push.js; no inline code anywhere (the console's CSP). */
"use strict";

self.addEventListener("push", function (event) {
  var message = { title: "Bulwark", body: "", id: "", type: "", priority: "normal" };
  if (event.data) {
    try { message = Object.assign(message, event.data.json()); } catch (err) { message.body = event.data.text(); }
  }
  event.waitUntil(self.registration.showNotification(message.title, {
    body: message.body,
    tag: message.id || undefined,
    renotify: false,
    requireInteraction: message.priority === "critical",
    data: { type: message.type, id: message.id }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (open) {
    for (var i = 0; i < open.length; i++) {
      if (open[i].url.indexOf("/console") !== -1 && "focus" in open[i]) { return open[i].focus(); }
    }
    return self.clients.openWindow("/console/");
  }));
});
