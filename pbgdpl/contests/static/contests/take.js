/* PBGDPL Số — taking a contest attempt (/cuoc-thi/<slug>/bai-thi/<id>/). Progressive
   enhancement only: without this file the page is a plain form ("Lưu bài", "Nộp bài")
   and the server enforces the deadline all the same.
   - a countdown to the deadline stored on the server (corrected for this device's clock),
     in a role=timer region that screen readers do not read out on every tick, plus one
     polite announcement at 5 minutes and at 1 minute;
   - at zero the form is submitted with the "Nộp bài" button (the server still takes the
     answers for a few seconds' grace, and closes the attempt with the saved answers after);
   - each change is saved at once through PUT /api/v1/attempts/<id>/answers with the
     participant's token; "Đã lưu lúc HH:MM:SS" says when. Any failure is silent: the
     buttons of the form still save and submit.
   Texts come from the form's data-t-* attributes (translated by the server). */
(function () {
  "use strict";
  var summary = document.querySelector("[data-focus-first]");
  if (summary) { summary.focus(); }

  var form = document.querySelector("form[data-contest-take]");
  if (!form) { return; }
  var t = function (name) { return form.getAttribute("data-t-" + name) || ""; };
  var submitButton = form.querySelector("[data-submit]");
  var submitting = false;
  form.addEventListener("submit", function () { submitting = true; });

  /* --- clock ------------------------------------------------------------ */
  var deadline = Date.parse(form.getAttribute("data-deadline") || "");
  var serverNow = Date.parse(form.getAttribute("data-server-now") || "");
  var offset = isNaN(serverNow) ? 0 : serverNow - Date.now();
  var now = function () { return Date.now() + offset; };

  function clockText(ms) {
    var d = new Date(ms);
    try {
      return d.toLocaleTimeString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour12: false });
    } catch (e) {
      return d.toTimeString().slice(0, 8);
    }
  }

  /* --- countdown -------------------------------------------------------- */
  var timer = document.querySelector("[data-timer]");
  var left = document.querySelector("[data-left]");
  var warning = document.querySelector("[data-warning]");
  if (timer && !isNaN(deadline)) {
    var startSeconds = Math.ceil((deadline - now()) / 1000);
    var warned5 = startSeconds <= 300;
    var warned1 = startSeconds <= 60;
    var intervalId = null;
    var pad = function (n) { return n < 10 ? "0" + n : String(n); };
    var announce = function (text) { if (warning) { warning.textContent = text; } };

    var submitNow = function () {
      if (submitting) { return; }
      submitting = true;
      if (form.requestSubmit && submitButton) {
        form.requestSubmit(submitButton);
      } else {
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = submitButton ? submitButton.name : "nop";
        hidden.value = "1";
        form.appendChild(hidden);
        form.submit();
      }
    };

    var tick = function () {
      var seconds = Math.max(0, Math.ceil((deadline - now()) / 1000));
      var minutes = Math.floor(seconds / 60);
      timer.textContent = minutes > 0
        ? t("left").replace("{m}", String(minutes)).replace("{s}", pad(seconds % 60))
        : t("left-seconds").replace("{s}", String(seconds));
      timer.classList.toggle("is-low", seconds <= 60);
      if (!warned5 && seconds <= 300) { warned5 = true; announce(t("warn5")); }
      if (!warned1 && seconds <= 60) { warned1 = true; announce(t("warn1")); }
      if (seconds <= 0) {
        window.clearInterval(intervalId);
        announce(t("timeup"));
        submitNow();
      }
    };
    timer.hidden = false;
    if (left) { left.hidden = true; }
    tick();
    intervalId = window.setInterval(tick, 1000);
  }

  /* --- autosave --------------------------------------------------------- */
  var api = form.getAttribute("data-api");
  var token = form.getAttribute("data-token");
  var saved = document.querySelector("[data-saved]");
  if (!api || !token || !window.fetch || !window.JSON) { return; }
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
  var pending = {};
  var saveTimer = null;
  var prefix = "cau-";

  function checkedIds(name) {
    var ids = [];
    Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) {
      if (input.name === name && input.checked) { ids.push(parseInt(input.value, 10)); }
    });
    return ids;
  }

  function save() {
    var answers = pending;
    pending = {};
    if (submitting || !Object.keys(answers).length) { return; }
    var headers = {
      "Content-Type": "application/json",
      "X-Participant-Token": token,
      "X-Requested-With": "fetch"
    };
    if (csrf) { headers["X-CSRFToken"] = csrf.value; }
    fetch(api, {
      method: "PUT",
      credentials: "same-origin",
      headers: headers,
      body: JSON.stringify({ answers: answers })
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      if (saved) { saved.textContent = t("saved").replace("{time}", clockText(now())); }
    }).catch(function () {
      /* Keep the answers for the next try; the form's buttons still save them. */
      Object.keys(answers).forEach(function (key) {
        if (!(key in pending)) { pending[key] = answers[key]; }
      });
    });
  }

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || !input.name || input.name.indexOf(prefix) !== 0) { return; }
    pending[input.name.slice(prefix.length)] = checkedIds(input.name);
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(save, 300);
  });
}());
