// Folds <details data-collapse-on-phone> panels (the site menu, search filters) on narrow
// screens. This file is loaded WITHOUT defer, right after the panel it folds: the content below
// has not been laid out yet, so nothing on the page moves after it is first painted. Without
// JavaScript a panel simply stays open. On a wide screen panels stay open, and one that was
// folded opens again when the window grows.
(function () {
  "use strict";
  if (!window.matchMedia) {
    return;
  }
  var phone = window.matchMedia("(max-width: 51.99rem)");
  var panels = document.querySelectorAll("details[data-collapse-on-phone]:not([data-folded])");
  Array.prototype.forEach.call(panels, function (panel) {
    panel.setAttribute("data-folded", "");
    if (phone.matches) {
      panel.open = false;
    }
    phone.addEventListener("change", function (event) {
      if (!event.matches) {
        panel.open = true;
      }
    });
  });
})();
