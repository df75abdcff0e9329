/* PBGDPL Số — progressive enhancement only: everything works without this file.
   Display preferences: switch font size / contrast at once instead of reloading.
   The server still stores the choice (same URL, answered as JSON). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-display]");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }

  function apply(data) {
    var root = document.documentElement;
    root.classList.remove("fs-large", "fs-larger", "hc");
    data.classes.split(" ").forEach(function (name) { if (name) { root.classList.add(name); } });
    Array.prototype.forEach.call(form.querySelectorAll("button[name=font_size]"), function (b) {
      b.setAttribute("aria-pressed", String(b.value === data.font_size));
    });
    var contrast = form.querySelector("button[name=contrast]");
    if (contrast) {
      var on = data.contrast === "on";
      contrast.setAttribute("aria-pressed", String(on));
      contrast.value = on ? "off" : "on";
    }
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.name) { return; }  /* old browser: plain submit */
    event.preventDefault();
    var params = new URLSearchParams();
    params.set(button.name, button.value);
    var url = form.action + "?" + params.toString();
    fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(apply)
      .catch(function () {
        params.set("next", location.pathname + location.search);
        location.href = form.action + "?" + params.toString();
      });
  });
}());

/* Legal library: a table of contents (details[data-open-wide]) starts open on wide
   screens, where it sits beside the text; closed on phones. Without JS it is a plain
   <details> the reader opens. */
(function () {
  "use strict";
  if (!window.matchMedia || !window.matchMedia("(min-width: 64rem)").matches) { return; }
  Array.prototype.forEach.call(document.querySelectorAll("details[data-open-wide]"), function (d) {
    d.open = true;
  });
}());
