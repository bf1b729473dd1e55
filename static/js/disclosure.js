// Folds <details data-collapse-on-phone> panels (the site menu, search filters) on narrow
// screens. It is written into the page ({% inline_script %}, allowed by its hash in the CSP)
// right after the panel it folds: the content below has not been laid out yet, so nothing on
// the page moves after it is first painted, and no request holds up that paint. Without
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
