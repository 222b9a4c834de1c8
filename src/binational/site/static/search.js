// Pagefind's interface on the search page; a ?q= in the address runs that search.
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({ element: "#search", showSubResults: false, showImages: false });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
