// Reveals the "Print this page" button (rendered hidden, so nobody meets a dead button
// without JavaScript) and opens the browser's print dialogue when it is pressed.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  if (!window.print) {
    return;
  }
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
