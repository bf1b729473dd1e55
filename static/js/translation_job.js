// The section translation page (hub/translation_admin.py): asks for the job's progress every
// two seconds until it is finished, and updates the bar and the status line (aria-live).
(function () {
  "use strict";
  var root = document.getElementById("translation-job");
  if (!root || root.dataset.finished === "1" || !window.fetch) return;
  var bar = document.getElementById("job-progress");
  var statusText = root.querySelector("[data-job-status]");
  var summary = root.querySelector("[data-job-summary]");
  var tries = 0;
  function poll() {
    tries += 1;
    fetch(root.dataset.jsonUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        bar.value = job.percent;
        bar.textContent = job.percent + "%";
        statusText.textContent = job.status_label;
        summary.textContent = job.summary;
        if (job.finished) {
          var refresh = root.querySelector("[data-job-refresh]");
          if (refresh) refresh.hidden = true;
          if (job.failed) window.location.reload();  // lists the pages that failed
        } else if (tries < 900) {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { if (tries < 900) window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
