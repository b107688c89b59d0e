// Outpost dashboard: light polling of live regions. Every element with `data-live` and an id is refreshed in place
// from a fresh render of the same URL, so pages need no separate fragment endpoints and work without script.
// Polling pauses while the tab is hidden, never overlaps, and a lost session sends the browser to the login page.
"use strict";
(function () {
  const interval = Number(document.body.dataset.refreshMs || 3000);
  const regions = () => Array.from(document.querySelectorAll("[data-live][id]"));
  if (regions().length === 0) return;

  let busy = false;
  async function refresh() {
    if (busy || document.visibilityState !== "visible") return;
    busy = true;
    try {
      const response = await fetch(location.href, { headers: { "X-Outpost-Live": "1" }, credentials: "same-origin", cache: "no-store" });
      if (response.status === 401) { location.reload(); return; }
      if (!response.ok) { document.body.dataset.liveError = String(response.status); return; }
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      for (const region of regions()) {
        const next = fresh.getElementById(region.id);
        // Leave a region alone while the operator is typing in it; it catches up on the next tick.
        if (next && !region.contains(document.activeElement) && region.innerHTML !== next.innerHTML) {
          region.innerHTML = next.innerHTML;
        }
      }
      delete document.body.dataset.liveError;
      document.body.dataset.liveAt = new Date().toISOString();
    } catch (e) {
      document.body.dataset.liveError = "network";
    } finally {
      busy = false;
    }
  }

  setInterval(refresh, interval);
  document.addEventListener("visibilitychange", refresh);

  // Buttons that do something irreversible ask first (data-confirm="..."); no inline script, so the CSP stays strict.
  document.addEventListener("submit", (event) => {
    const button = event.submitter;
    const message = (button && button.dataset.confirm) || event.target.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
