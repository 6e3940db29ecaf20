// Progressive enhancement of the staff pages: copy buttons, the `/` shortcut and search as you type.
// Every page works without this file; it only adds to what the server already rendered.
(function () {
  "use strict";

  var status = document.getElementById("status");
  var copiedLabel = (status && status.getAttribute("data-copied")) || "Copied";

  // A polite live region: screen readers hear "Copied" although focus stays on the button.
  function announce(text) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function copyFrom(button) {
    var source = button.getAttribute("data-copy-from");
    if (source) {
      var element = document.getElementById(source);
      return element ? element.textContent : null;
    }
    return button.getAttribute("data-copy");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (!button) return;
    var text = copyFrom(button);
    if (text === null) return;
    copyText(text).then(function () {
      // The label is swapped for a moment so sighted users see the copy happened too.
      if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
      button.textContent = copiedLabel;
      button.classList.add("done");
      announce(copiedLabel);
      window.clearTimeout(button._restore);
      button._restore = window.setTimeout(function () {
        button.textContent = button.getAttribute("data-label");
        button.classList.remove("done");
      }, 1500);
    }, function () {});
  });

  var input = document.getElementById("q");
  var box = document.getElementById("live-results");

  function typingInto(target) {
    var tag = (target.tagName || "").toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || !input || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  if (!input || !box || !window.fetch || !String.prototype.normalize) return;

  // Matching is done on folded text (full-width -> half-width, case, katakana -> hiragana), the way
  // the server's search folds, while <mark> is put around the characters as they were written.
  function foldChar(ch) {
    var folded = ch.normalize("NFKC").toLowerCase();
    return folded.replace(/[\u30a1-\u30f6]/g, function (k) { return String.fromCharCode(k.charCodeAt(0) - 0x60); });
  }

  function fold(text) {
    var out = "", starts = [], ends = [];
    for (var i = 0; i < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(i));
      var folded = foldChar(ch);
      for (var j = 0; j < folded.length; j++) { starts.push(i); ends.push(i + ch.length); }
      out += folded;
      i += ch.length;
    }
    return {text: out, starts: starts, ends: ends};
  }

  function queryTerms(query) {
    return fold(query).text.split(/[\s\u3000、。,.:;!?'"()\[\]{}]+/).filter(function (term) {
      // One Latin letter or digit would mark half the page; one kanji is a meaningful word.
      return term.length > 1 || /[^\x00-\x7f]/.test(term);
    });
  }

  // Japanese is written without spaces and the server matches it by character pairs, so a word not
  // found as a whole ("期限切れ" in "期限が切れています") is marked by the pairs it shares.
  function matchable(terms, folded) {
    var out = [];
    terms.forEach(function (term) {
      if (term.length < 3 || folded.indexOf(term) >= 0 || /^[\x00-\x7f]+$/.test(term)) { out.push(term); return; }
      for (var i = 0; i + 2 <= term.length; i++) out.push(term.slice(i, i + 2));
    });
    return out;
  }

  function markSpans(text, terms) {
    var folded = fold(text), spans = [];
    matchable(terms, folded.text).forEach(function (term) {
      for (var at = folded.text.indexOf(term); at >= 0; at = folded.text.indexOf(term, at + term.length)) {
        spans.push([folded.starts[at], folded.ends[at + term.length - 1]]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    spans.forEach(function (span) {
      var last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span.slice());
    });
    return merged;
  }

  // Text nodes and <mark> elements only: catalogue text never reaches innerHTML.
  function highlighted(text, terms) {
    var fragment = document.createDocumentFragment(), last = 0;
    markSpans(text, terms).forEach(function (span) {
      fragment.appendChild(document.createTextNode(text.slice(last, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[1]);
      fragment.appendChild(mark);
      last = span[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function element(tag, className, child) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (child) node.appendChild(child);
    return node;
  }

  var timer = null, selected = -1, lastQuery = "", controller = null;
  var searchUrl = input.form ? input.form.getAttribute("action") : null;

  function options() { return box.querySelectorAll("[role=option]"); }

  function select(index) {
    var links = options();
    if (!links.length) return;
    selected = (index + links.length) % links.length;
    links.forEach(function (link, i) { link.setAttribute("aria-selected", i === selected ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", links[selected].id);
    links[selected].scrollIntoView({block: "nearest"});
  }

  function close() {
    box.hidden = true;
    box.textContent = "";
    box.removeAttribute("data-query");
    selected = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function option(id, href) {
    var link = element("a", "option");
    link.id = id;
    link.href = href;
    link.tabIndex = -1;
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    return link;
  }

  function render(query, body) {
    var set = body.ErrorCodeSet || [];
    if (!set.length) { close(); return; }
    var terms = queryTerms(query);
    box.textContent = "";
    set.forEach(function (entry, i) {
      var link = option("live-" + i, entry.Url);
      var head = element("span", "head", element("span", "code", highlighted(entry.Code, terms)));
      if (entry.Product) head.appendChild(element("span", "badge", document.createTextNode(entry.Product)));
      link.appendChild(head);
      var desc = element("span", "desc", highlighted(entry.Description || "", terms));
      if (entry.Language) desc.lang = entry.Language;
      link.appendChild(desc);
      box.appendChild(link);
    });
    if (searchUrl && body.TotalCount > set.length) {
      var all = option("live-all", searchUrl + "?q=" + encodeURIComponent(query));
      all.classList.add("all");
      all.textContent = (box.getAttribute("data-all-label") || "All results") + " (" + body.TotalCount + ")";
      box.appendChild(all);
    }
    box.setAttribute("data-query", query);
    box.hidden = false;
    selected = -1;
    input.setAttribute("aria-expanded", "true");
    input.removeAttribute("aria-activedescendant");
  }

  function run() {
    var query = input.value.trim();
    if (query === lastQuery && !box.hidden) return;
    lastQuery = query;
    if (controller) controller.abort();
    if (!query) { close(); return; }
    controller = window.AbortController ? new AbortController() : null;
    var url = input.getAttribute("data-api") + "?limit=8&lang=" + encodeURIComponent(input.getAttribute("data-lang")) +
      "&q=" + encodeURIComponent(query);
    fetch(url, controller ? {signal: controller.signal} : {}).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (body) {
      if (input.value.trim() !== query) return;
      render(query, body.Response || {});
    }).catch(function () {});
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", "live-results");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-autocomplete", "list");
  input.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(run, 150); });
  input.addEventListener("keydown", function (event) {
    // Enter also confirms a Japanese IME conversion: that keystroke belongs to the IME.
    if (event.isComposing || event.keyCode === 229) return;
    if (box.hidden) {
      if (event.key === "ArrowDown" && input.value.trim()) { event.preventDefault(); lastQuery = ""; run(); }
      return;
    }
    if (event.key === "ArrowDown") { event.preventDefault(); select(selected + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(selected < 0 ? -1 : selected - 1); }
    else if (event.key === "Enter" && selected >= 0) { event.preventDefault(); window.location.href = options()[selected].href; }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target) && event.target !== input) close();
  });
})();
