/* PBGDPL Số — the ask form (/hoi-dap/gui-cau-hoi/). Progressive enhancement only: the
   form works the same without this file (the "Xem câu trả lời tương tự" button then
   asks the server for the suggestions).
   - focuses the error summary after a failed submission;
   - counts the characters left in the question;
   - while the reader types (at least 12 characters, 400 ms after the last key), fetches
     similar published answers and related articles from /api/v1/qa/suggestions and shows
     them in an aria-live region, built with textContent only.
   Texts come from the form's data-t-* attributes (translated by the server). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-qa-ask]");
  if (!form) { return; }

  var summary = document.querySelector("[data-focus-first]");
  if (summary) { summary.focus(); }

  var text = form.querySelector("textarea[name=text]");
  if (!text) { return; }
  var t = function (name) { return form.getAttribute("data-t-" + name) || ""; };
  var number = function (n) {
    try { return n.toLocaleString("vi-VN"); } catch (e) { return String(n); }
  };

  /* --- characters left -------------------------------------------------- */
  var max = parseInt(text.getAttribute("data-max"), 10) || 4000;
  var counter = document.createElement("p");
  counter.className = "qa-char-count";
  counter.id = "q-text-count";
  counter.setAttribute("aria-hidden", "true");
  var spoken = document.createElement("p");
  spoken.className = "sr-only";
  spoken.setAttribute("aria-live", "polite");
  text.parentNode.insertBefore(counter, text.nextSibling);
  text.parentNode.insertBefore(spoken, counter.nextSibling);
  var spokenTimer = null;

  function countText() {
    var left = max - text.value.length;
    var message = left >= 0
      ? t("left").replace("{n}", number(left))
      : t("over").replace("{n}", number(-left));
    counter.textContent = message;
    counter.classList.toggle("is-over", left < 0);
    return message;
  }
  countText();

  /* --- suggestions ------------------------------------------------------ */
  var region = form.querySelector("[data-suggest-region]");
  var url = form.getAttribute("data-suggest-url");
  var min = parseInt(form.getAttribute("data-suggest-min"), 10) || 12;
  var canFetch = !!(region && url && window.fetch && window.URLSearchParams);
  var timer = null;
  var controller = null;
  var lastQuery = "";

  function el(tag, className, textValue) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (textValue) { node.textContent = textValue; }
    return node;
  }

  function plain(html) {
    /* The snippet is escaped HTML with <mark>: keep its text only. */
    if (!html) { return ""; }
    if (window.DOMParser) {
      return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
    }
    return html.replace(/<[^>]*>/g, "");
  }

  function list(title, items) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el("h2", "qa-suggest-title", title));
    var ul = el("ul", "qa-suggest-list");
    items.forEach(function (item) {
      var li = el("li");
      var a = el("a", "", item.title);
      a.href = item.url;
      a.target = "_blank";
      a.rel = "noopener";
      a.appendChild(el("span", "sr-only", " (" + t("newtab-short") + ")"));
      li.appendChild(a);
      var snippet = plain(item.snippet);
      if (snippet) { li.appendChild(el("p", "snippet", snippet)); }
      ul.appendChild(li);
    });
    frag.appendChild(ul);
    return frag;
  }

  function show(nodes) {
    while (region.firstChild) { region.removeChild(region.firstChild); }
    nodes.forEach(function (node) { region.appendChild(node); });
  }

  function render(data) {
    var answers = (data && data.answers) || [];
    var articles = (data && data.articles) || [];
    if (!answers.length && !articles.length) {
      show([el("p", "", t("none"))]);
      return;
    }
    var nodes = [el("p", "hint", t("newtab"))];
    if (answers.length) { nodes.push(list(t("answers"), answers)); }
    if (articles.length) { nodes.push(list(t("articles"), articles)); }
    show(nodes);
  }

  function fetchSuggestions(query, announce) {
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    lastQuery = query;
    if (announce) { show([el("p", "", t("loading"))]); }
    var params = new URLSearchParams();
    params.set("q", query);
    return fetch(url + "?" + params.toString(), {
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      if (query === lastQuery) { render(data); }
    });
  }

  function onTyping() {
    var message = countText();
    if (spokenTimer) { clearTimeout(spokenTimer); }
    spokenTimer = setTimeout(function () { spoken.textContent = message; }, 1500);
    if (!canFetch) { return; }
    if (timer) { clearTimeout(timer); }
    var query = text.value.trim().slice(0, 1000);
    if (query.length < min) {
      if (controller) { controller.abort(); }
      lastQuery = "";
      show([]);
      return;
    }
    if (query === lastQuery) { return; }
    timer = setTimeout(function () {
      fetchSuggestions(query, false).catch(function () { /* keep what is shown */ });
    }, 400);
  }
  text.addEventListener("input", onTyping);

  /* The "Xem câu trả lời tương tự" button: the same suggestions without reloading (the
     server still answers it when the fetch fails). */
  var button = form.querySelector("button[name=goi_y]");
  if (button && canFetch) {
    button.addEventListener("click", function (event) {
      var query = text.value.trim().slice(0, 1000);
      event.preventDefault();
      if (query.length < min) {
        show([el("p", "", t("short"))]);
        return;
      }
      lastQuery = "";
      fetchSuggestions(query, true).catch(function (error) {
        if (error && error.name === "AbortError") { return; }
        show([el("p", "", t("failed"))]);
      });
    });
  }
}());
