// Orders page: order events from the live stream refresh the table (the table listens for
// the "orders-changed" event: see partials/orders_table.html), a burst of events refreshing
// it once; the limit price is asked for only for limit orders.
(function () {
  "use strict";

  let pending = null;
  function changed() {
    if (pending) { return; }
    pending = setTimeout(function () {
      pending = null;
      document.body.dispatchEvent(new CustomEvent("orders-changed"));
    }, 250);
  }
  if (window.BulwarkConsole) {
    window.BulwarkConsole.live(["order", "risk_breach"], function (event) {
      if (event.type === "event" && (event.category === "order" || event.event === "OrderDenied")) {
        changed();
      }
    });
  }

  const type = document.getElementById("order-type");
  const limit = document.getElementById("order-limit");
  function fitLimit() {
    if (!type || !limit) { return; }
    const isLimit = type.value === "limit";
    limit.required = isLimit;
    limit.disabled = !isLimit;
  }
  if (type) { type.addEventListener("change", fitLimit); fitLimit(); }
})();
