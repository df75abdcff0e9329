/* PBGDPL Số — contest pages: after a failed submission, move the focus to the error
   summary (or the code just issued) so a screen reader reads it first. Progressive
   enhancement only: the pages work the same without this file. */
(function () {
  "use strict";
  var first = document.querySelector("[data-focus-first]");
  if (first) { first.focus(); }
}());
