// Pagefind's interface on the search page, over the main bundle and every year's
// bundle (data-bundles); a ?q= in the address runs that search.
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  const bundles = JSON.parse(element.dataset.bundles || "[]");
  const ui = new PagefindUI({
    element: "#search", showSubResults: false, showImages: false,
    baseUrl: element.dataset.base || "/",
    mergeIndex: bundles.map((bundlePath) => ({ bundlePath })),
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
