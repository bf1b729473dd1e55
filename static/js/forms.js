/* Move keyboard and screen-reader focus to a form's error summary after a failed submit. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
