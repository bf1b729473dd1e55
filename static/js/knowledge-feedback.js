/* "Was this helpful?": send the form without leaving the page. Progressive enhancement only:
   without JavaScript the form posts and the server redirects back with a thank-you message. */
(function () {
  "use strict";

  function showErrors(form, errors) {
    var summary = form.querySelector("[data-feedback-js-errors]");
    if (!summary) {
      summary = document.createElement("div");
      summary.className = "error-summary";
      summary.setAttribute("role", "alert");
      summary.setAttribute("tabindex", "-1");
      summary.setAttribute("data-feedback-js-errors", "");
      form.insertBefore(summary, form.firstChild);
    }
    summary.textContent = "";
    var list = document.createElement("ul");
    Object.keys(errors).forEach(function (field) {
      errors[field].forEach(function (message) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = field === "comment" ? "#feedback-comment" : "#feedback-helpful-yes";
        link.textContent = message;
        item.appendChild(link);
        list.appendChild(item);
      });
      var inputs = field === "comment"
        ? form.querySelectorAll("#feedback-comment")
        : form.querySelectorAll("input[name=helpful]");
      inputs.forEach(function (input) { input.setAttribute("aria-invalid", "true"); });
    });
    summary.appendChild(list);
    summary.focus();
  }

  function enhance(form) {
    var status = form.parentNode.querySelector("[data-feedback-status]");
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        var data = result.data || {};
        if (data.status === "invalid" && data.errors) {
          if (button) { button.disabled = false; }
          showErrors(form, data.errors);
          return;
        }
        if (data.status === "busy") {
          if (button) { button.disabled = false; }
          if (status) { status.textContent = data.message || ""; }
          return;
        }
        form.hidden = true;
        if (status) {
          status.textContent = data.message || "";
          status.setAttribute("tabindex", "-1");
          status.focus();
        }
      }).catch(function () {
        /* Network trouble: fall back to an ordinary form post. */
        form.submit();
      });
    });
  }

  document.querySelectorAll("form[data-feedback-form]").forEach(enhance);
})();
