// Keyboard shortcuts for the review page. Every correction is a button of the page's one
// form, so the keys only click buttons: the mouse, the keys and a browser without script
// all save through the same form.
"use strict";
(function () {
  const form = document.getElementById("review-form");
  if (!form) return;
  const rows = Array.from(document.querySelectorAll("tr.bead"));
  let current = Math.max(0, rows.findIndex(r => r.id === location.hash.slice(1)));

  function focusRow(index) {
    if (!rows.length) return;
    current = Math.min(rows.length - 1, Math.max(0, index));
    rows.forEach(r => r.classList.remove("current"));
    rows[current].classList.add("current");
    rows[current].focus({ preventScroll: true });
    rows[current].scrollIntoView({ block: "nearest" });
  }

  function click(selector) {
    const button = rows[current] && rows[current].querySelector(selector);
    if (button) button.click();
  }

  rows.forEach((row, index) => row.addEventListener("click", () => {
    rows.forEach(r => r.classList.remove("current"));
    current = index;
    row.classList.add("current");
  }));

  document.addEventListener("keydown", event => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const actions = {
      j: () => focusRow(current + 1),
      arrowdown: () => focusRow(current + 1),
      k: () => focusRow(current - 1),
      arrowup: () => focusRow(current - 1),
      x: () => rows[current].querySelectorAll("input[type=checkbox]").forEach(box => { box.checked = !box.checked; }),
      escape: () => form.querySelectorAll("input[type=checkbox]").forEach(box => { box.checked = false; }),
      l: () => document.getElementById("do-link").click(),
      a: () => document.getElementById("do-null").click(),
      c: () => click(".do-confirm"),
      u: () => click(".do-unlink"),
      m: () => click(".do-merge"),
      s: () => click(".do-split"),
    };
    if (actions[key]) {
      event.preventDefault();
      actions[key]();
    }
  });
  if (rows.length) focusRow(current);
})();
