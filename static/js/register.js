/*
 * Registration form, progressive enhancement: while staff type the project's name and
 * summary, list similar projects already in the registry (from the JSON endpoint named in
 * the form's data-similar-url). Without JavaScript the same check happens on submit.
 * Results are inserted as text, never as HTML.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-similar-url]");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var endpoint = form.getAttribute("data-similar-url");
  var title = form.querySelector("[name=title]");
  var summary = form.querySelector("[name=summary]");
  var region = document.getElementById("similar-live");
  if (!title || !summary || !region) {
    return;
  }
  var heading = region.getAttribute("data-heading") || "";
  var timer = null;
  var last = "";
  var controller = null;

  function clear() {
    while (region.firstChild) {
      region.removeChild(region.firstChild);
    }
  }

  function render(results) {
    clear();
    if (!results.length) {
      return;
    }
    var caption = document.createElement("h2");
    caption.textContent = heading;
    region.appendChild(caption);
    var list = document.createElement("ul");
    results.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      li.appendChild(link);
      var status = document.createElement("span");
      status.textContent = " (" + item.status + ")";
      li.appendChild(status);
      list.appendChild(li);
    });
    region.appendChild(list);
  }

  function check() {
    var key = title.value.trim() + "\n" + summary.value.trim();
    if (key === last) {
      return;
    }
    last = key;
    if (title.value.trim().length < 4) {
      render([]);
      return;
    }
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    var params = new URLSearchParams({ title: title.value, summary: summary.value });
    fetch(endpoint + "?" + params.toString(), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        render(data.results || []);
      })
      .catch(function () {
        /* Offline or aborted: the check on submit still runs. */
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 500);
  }

  title.addEventListener("input", schedule);
  summary.addEventListener("input", schedule);
})();
