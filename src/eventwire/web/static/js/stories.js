// The stories page: the fused stories under the same filters as the events, paged.
import {
  api, currentFilters, el, pager, setupFilters, showError, typeColour,
} from "./common.js";

const LIMIT = 50;

function toll(min, max) {
  if (min === null || min === undefined) return "";
  return min === max ? String(min) : `${min}–${max}`;
}

async function drawTable(filters) {
  const offset = Number(filters.get("offset") || 0);
  const query = new URLSearchParams(filters);
  query.set("limit", String(LIMIT));
  const { items, total } = await api("/api/stories?" + query.toString());
  document.getElementById("total").textContent = String(total);
  const body = document.querySelector("#stories tbody");
  for (const story of items) {
    const dates = story.date_first === story.date_last ? story.date_first : `${story.date_first} – ${story.date_last}`;
    const type = el("span", { class: "type" }, story.type, story.mode ? ` ${story.mode}` : "");
    type.style.borderColor = typeColour(story.type);
    body.append(el("tr", { dataset: { story: story.id } },
      el("td", { class: "nowrap" }, el("a", { href: `/stories/${encodeURIComponent(story.id)}`, class: "open" }, dates || "undated")),
      el("td", {}, type),
      el("td", {}, story.place_name || ""),
      el("td", {}, story.country || ""),
      el("td", { class: "num" }, String(story.n_events)),
      el("td", { class: "num" }, String(story.n_articles)),
      el("td", { class: "num" }, toll(story.fatalities_min, story.fatalities_max)),
    ));
  }
  if (!items.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "hint" }, "No stories match (has `eventwire fuse` run?).")));
  pager(document.getElementById("pager"), total, offset, LIMIT);
}

async function main() {
  const results = await Promise.allSettled([setupFilters(), drawTable(currentFilters())]);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
  document.body.dataset.ready = failed ? "error" : "yes";
}

main();
