/* The print button: hidden in the HTML, shown only when this script runs (progressive
   enhancement); without JavaScript the browser's own Print command works the same. */
(function () {
  "use strict";
  if (typeof window.print !== "function") return;
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
