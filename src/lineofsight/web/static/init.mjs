import { initAll } from "/static/vendor/govuk-frontend/govuk-frontend.min.js";
initAll();
// A table wider than the screen scrolls inside its own box (a phone at 390 px never scrolls the page sideways).
for (const table of document.querySelectorAll("main table.govuk-table")) {
  if (table.closest(".los-table-scroll")) continue;
  const box = document.createElement("div");
  box.className = "los-table-scroll";
  table.replaceWith(box);
  box.append(table);
}
