/*
 * Suggestions for the header search box: the ARIA 1.2 combobox pattern with a listbox popup.
 *
 * Progressive enhancement only: without this file the form simply submits to the search page.
 * Focus stays in the text box; the arrow keys move through the suggestions
 * (aria-activedescendant), Enter opens the chosen one or submits the search, Escape closes the
 * list (a second Escape clears the box), and a live region announces how many suggestions there
 * are, in the page's language (the server sends that sentence). No inline styles or scripts,
 * no eval: it works under a strict Content-Security-Policy.
 */
(function () {
  "use strict";

  var MIN_CHARS = 2;
  var DELAY_MS = 200;

  function init(form) {
    var input = form.querySelector("input[type=search]");
    var url = form.getAttribute("data-suggest-url");
    if (!input || !url || !window.fetch || !window.JSON) {
      return;
    }
    var listId = input.id + "-listbox";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-suggest-label") || "Suggestions");
    list.hidden = true;

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");

    form.classList.add("header-search--enhanced");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function announce(text) {
      status.textContent = text || "";
    }

    function setActive(index) {
      if (active >= 0 && items[active]) {
        items[active].el.setAttribute("aria-selected", "false");
      }
      active = index;
      if (active >= 0 && items[active]) {
        items[active].el.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].el.id);
        if (items[active].el.scrollIntoView) {
          items[active].el.scrollIntoView({ block: "nearest" });
        }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function go(index) {
      var item = items[index];
      if (item && item.url) {
        close();
        window.location.assign(item.url);
      }
    }

    function render(data) {
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      items = [];
      active = -1;
      (data.results || []).forEach(function (result, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.className = "suggestions__option";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "suggestions__title";
        title.textContent = result.title;
        li.appendChild(title);
        if (result.type) {
          var type = document.createElement("span");
          type.className = "suggestions__type";
          type.textContent = result.type;
          li.appendChild(document.createTextNode(" "));
          li.appendChild(type);
        }
        li.addEventListener("click", function () {
          go(i);
        });
        list.appendChild(li);
        items.push({ el: li, url: result.url });
      });
      if (items.length) {
        open();
      } else {
        close();
      }
      announce(data.message);
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (controller) {
        controller.abort();
        controller = null;
      }
      if (query.length < MIN_CHARS) {
        render({ results: [], message: "" });
        return;
      }
      controller = window.AbortController ? new AbortController() : null;
      var sep = url.indexOf("?") === -1 ? "?" : "&";
      window
        .fetch(url + sep + "q=" + encodeURIComponent(query), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: controller ? controller.signal : undefined,
        })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          if (input.value.trim() === query) {
            render(data);
          }
        })
        .catch(function () {
          /* Aborted or offline: the plain search still works. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
        case "Down":
          if (!items.length) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
            if (!event.altKey) {
              setActive(0);
            }
          } else {
            setActive(active + 1 < items.length ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
        case "Up":
          if (!items.length) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
          }
          setActive(active > 0 ? active - 1 : items.length - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
        case "Esc":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
            render({ results: [], message: "" });
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    // Keep focus in the box while a suggestion is clicked.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });

    input.addEventListener("blur", function () {
      close();
    });

    input.addEventListener("focus", function () {
      if (items.length && input.value.trim() === lastQuery) {
        open();
      }
    });
  }

  function start() {
    var forms = document.querySelectorAll("form[data-suggest-url]");
    for (var i = 0; i < forms.length; i++) {
      init(forms[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
