// Progressive enhancement: every page works without this file.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (!button) return;
    var source = button.getAttribute("data-copy-from");
    var text = source ? document.getElementById(source).textContent : button.getAttribute("data-copy");
    copyText(text).then(function () {
      button.classList.add("done");
      button.setAttribute("aria-live", "polite");
      setTimeout(function () { button.classList.remove("done"); }, 1500);
    });
  });

  var input = document.getElementById("q");
  var box = document.getElementById("live-results");
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.key === "/" && tag !== "input" && tag !== "textarea" && input) {
      event.preventDefault(); input.focus(); input.select();
    }
  });
  if (!input || !box || !window.fetch) return;

  var timer = null, selected = -1, lastQuery = "", controller = null;

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]; });
  }
  function highlight(text, query) {
    var safe = escapeHtml(text || "");
    var words = query.normalize("NFKC").split(/\s+/).filter(function (w) { return w.length > 0; })
      .map(function (w) { return escapeHtml(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!words.length) return safe;
    return safe.replace(new RegExp("(" + words.join("|") + ")", "gi"), "<mark>$1</mark>");
  }
  function items() { return box.querySelectorAll("a"); }
  function select(index) {
    var links = items();
    if (!links.length) return;
    selected = (index + links.length) % links.length;
    links.forEach(function (a, i) { a.setAttribute("aria-selected", i === selected ? "true" : "false"); });
    links[selected].scrollIntoView({block: "nearest"});
  }
  function close() { box.hidden = true; box.innerHTML = ""; selected = -1; input.setAttribute("aria-expanded", "false"); }
  function render(query, set) {
    if (!set.length) { close(); return; }
    box.innerHTML = set.map(function (e, i) {
      return '<a role="option" id="live-' + i + '" href="' + escapeHtml(e.Url) + '" aria-selected="false">' +
        '<span class="code">' + highlight(e.Code, query) + "</span>" +
        (e.Product ? ' <span class="badge">' + escapeHtml(e.Product) + "</span>" : "") +
        '<br><span class="desc">' + highlight(e.Description || "", query) + "</span></a>";
    }).join("");
    box.hidden = false; selected = -1; input.setAttribute("aria-expanded", "true");
  }
  function run() {
    var query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (!query) { close(); return; }
    if (controller) controller.abort();
    controller = new AbortController();
    var url = input.getAttribute("data-api") + "?limit=8&lang=" + encodeURIComponent(input.getAttribute("data-lang")) + "&q=" + encodeURIComponent(query);
    fetch(url, {signal: controller.signal}).then(function (r) { return r.json(); }).then(function (body) {
      if (input.value.trim() !== query) return;
      render(query, (body.Response && body.Response.ErrorCodeSet) || []);
    }).catch(function () {});
  }
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", "live-results");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-autocomplete", "list");
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  input.addEventListener("keydown", function (event) {
    if (box.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); select(selected + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(selected - 1); }
    else if (event.key === "Enter" && selected >= 0) { event.preventDefault(); window.location.href = items()[selected].href; }
    else if (event.key === "Escape") { close(); }
  });
  document.addEventListener("click", function (event) { if (!box.contains(event.target) && event.target !== input) close(); });
})();
