// binational: the little JavaScript the pages use. No inline scripts (CSP).
// Candidate queue keyboard: J/K move between candidates, A accepts, R rejects, U undoes
// the rejection just made. After a decision the queue comes back with the next
// candidate named in the address's fragment (#candidate-7): focus goes to it.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function queueItems() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-keyboard-queue] [data-candidate]"));
  }
  function focusNamedCandidate() {
    var id = window.location.hash.slice(1);
    if (!/^candidate-\d+$/.test(id)) return;
    var item = document.getElementById(id);
    if (item && item.hasAttribute("data-candidate")) {
      item.focus();
      item.scrollIntoView({ block: "center" });
    }
  }
  // The events list's filters: a closed disclosure above the results on a phone, open
  // beside them on a wide screen (and again when the window is widened).
  function openFiltersWhenWide() {
    var wide = window.matchMedia("(min-width: 48rem)");
    var panels = document.querySelectorAll("details[data-open-when-wide]");
    function apply() {
      Array.prototype.forEach.call(panels, function (panel) { panel.open = wide.matches; });
    }
    apply();
    if (wide.addEventListener) wide.addEventListener("change", apply);
  }
  document.addEventListener("DOMContentLoaded", focusNamedCandidate);
  document.addEventListener("DOMContentLoaded", openFiltersWhenWide);
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    var key = event.key.toLowerCase();
    if (key === "u") {
      var undo = document.querySelector('[data-action="undo"]');
      if (undo) { undo.click(); event.preventDefault(); }
      return;
    }
    var items = queueItems();
    if (!items.length) return;
    var current = event.target.closest ? event.target.closest("[data-candidate]") : null;
    var index = items.indexOf(current);
    if (key === "j" || key === "k") {
      var next = key === "j" ? index + 1 : index - 1;
      if (index === -1) next = 0;
      if (next >= 0 && next < items.length) {
        items[next].focus();
        items[next].scrollIntoView({ block: "nearest" });
      }
      event.preventDefault();
    } else if ((key === "a" || key === "r") && current) {
      var button = current.querySelector('[data-action="' + (key === "a" ? "accept" : "reject") + '"]');
      if (button) { button.click(); event.preventDefault(); }
    }
  });
})();
