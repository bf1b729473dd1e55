// Progressive enhancement for the project registry: on a phone, start with the filter panel
// folded so the results come first, unless filters are already in use. Without JavaScript the
// panel simply stays open.
(function () {
  "use strict";
  var panel = document.querySelector("details[data-collapse-on-phone]");
  if (!panel || !window.matchMedia) {
    return;
  }
  var phone = window.matchMedia("(max-width: 51.99rem)");
  var inUse = panel.querySelector("input:checked") !== null;
  if (phone.matches && !inUse) {
    panel.open = false;
  }
})();
