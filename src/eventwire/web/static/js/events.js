// The events page: a Leaflet map over Natural Earth outlines (no tile server), a d3 timeline
// stacked by type, and the table. Clicking a point keeps its place, a bar its day and type,
// a row its article: each click narrows all three through the URL.
/* global L, d3, topojson */
import {
  api, currentFilters, dateText, el, narrow, names, pager, setupFilters, showError, typeColour,
} from "./common.js";

const LIMIT = 50;

// The outlines are made for spherical projections: a ring that crosses the date line jumps
// from +180 to -180. On Leaflet's flat map that draws a line across the world, so each ring's
// longitudes are made continuous (Russia then runs past 180 degrees, as Leaflet allows).
function unwrapRing(ring) {
  for (let i = 1; i < ring.length; i += 1) {
    const previous = ring[i - 1][0];
    while (ring[i][0] - previous > 180) ring[i][0] -= 360;
    while (ring[i][0] - previous < -180) ring[i][0] += 360;
  }
}

function unwrapGeometry(geometry) {
  if (!geometry) return;
  if (geometry.type === "Polygon") geometry.coordinates.forEach(unwrapRing);
  if (geometry.type === "MultiPolygon") geometry.coordinates.forEach((p) => p.forEach(unwrapRing));
}

async function drawMap(filters) {
  const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([15, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · Leaflet");
  const world = await fetch("/static/vendor/world-atlas/countries-110m.json").then((r) => r.json());
  const countries = topojson.feature(world, world.objects.countries);
  // Antarctica is no place for events and spans the whole width; the rest are unwrapped.
  countries.features = countries.features.filter((f) => f.id !== "010");
  for (const feature of countries.features) unwrapGeometry(feature.geometry);
  L.geoJSON(countries, {
    interactive: false,
    style: { className: "country", color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 },
  }).addTo(map);

  const { points } = await api("/api/map?" + filters.toString());
  const layer = L.featureGroup().addTo(map);
  const biggest = Math.max(1, ...points.map((p) => p.n));
  for (const point of points) {
    if (point.lat === null || point.lon === null) continue;
    const top = Object.entries(point.types || {}).sort((a, b) => b[1] - a[1])[0];
    const colour = typeColour(top ? top[0] : null);
    const marker = L.circleMarker([point.lat, point.lon], {
      radius: 4 + 12 * Math.sqrt(point.n / biggest),
      color: "#333",
      weight: 1,
      fillColor: colour,
      fillOpacity: 0.75,
      className: "event-point",
    });
    const tip = el("div", { class: "tip" },
      el("strong", {}, point.place_name || "unnamed place"),
      ` ${point.country || ""} · ${point.n} event${point.n === 1 ? "" : "s"}`);
    for (const [type, n] of Object.entries(point.types || {})) tip.append(el("div", {}, `${type}: ${n}`));
    marker.bindTooltip(tip);
    marker.on("add", () => {
      const path = marker.getElement();
      if (path && point.place_name) path.dataset.place = point.place_name;
    });
    marker.on("click", () => {
      if (point.place_name) narrow({ place: point.place_name });
    });
    marker.addTo(layer);
  }
  if (points.length) map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 7 });
  document.getElementById("map").dataset.points = String(points.length);
}

// Texts date things decades away ("since 1948", "by 2030"), and a per-day axis over all of them
// would squeeze the news into a pixel. The axis spans the shortest stretch of days that holds
// 90% of the events, and the page says how many lie outside it and how to see them.
const KEEP = 0.9;
const LONG_DAYS = 90;

function busiestStretch(rows, types) {
  const counts = rows.map((r) => d3.sum(types, (t) => r[t] || 0));
  const need = KEEP * d3.sum(counts);
  let best = [0, rows.length - 1];
  let held = 0;
  let first = 0;
  for (let last = 0; last < rows.length; last += 1) {
    held += counts[last];
    while (held - counts[first] >= need) held -= counts[first++];
    if (held >= need && rows[last].day - rows[first].day < rows[best[1]].day - rows[best[0]].day) {
      best = [first, last];
    }
  }
  return rows.slice(best[0], best[1] + 1);
}

async function drawTimeline(filters) {
  const { days } = await api("/api/timeline?" + filters.toString());
  const box = document.getElementById("timeline");
  const legend = document.getElementById("legend");
  const types = [...new Set(days.map((d) => d.type))].sort();
  for (const type of types) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = typeColour(type);
    legend.append(el("span", { class: "key" }, swatch, type));
  }
  if (!days.length) {
    box.append(el("p", { class: "hint" }, "No dated events."));
    return;
  }
  // One row per day, one column per type, stacked by d3.
  const byDay = d3.rollup(days, (rows) => Object.fromEntries(rows.map((r) => [r.type, r.n])), (r) => r.day);
  const allRows = [...byDay].map(([day, counts]) => ({ day: new Date(day + "T00:00:00Z"), key: day, ...counts }))
    .sort((a, b) => a.day - b.day);
  // The analyst's own date range is shown whole; so is a short span.
  const chosen = filters.has("date_from") || filters.has("date_to");
  const span = (allRows[allRows.length - 1].day - allRows[0].day) / 86_400_000;
  const rows = chosen || span <= LONG_DAYS ? allRows : busiestStretch(allRows, types);
  const hidden = allRows.length - rows.length;
  if (hidden) {
    const outside = allRows.filter((r) => r.key < rows[0].key || r.key > rows[rows.length - 1].key);
    const n = d3.sum(outside, (r) => d3.sum(types, (t) => r[t] || 0));
    box.append(el("p", { class: "hint", id: "timeline-hidden", dataset: { days: String(hidden), events: String(n) } },
      `${rows[0].key} to ${rows[rows.length - 1].key}; ${n} event${n === 1 ? "" : "s"} on ${hidden} other ` +
      `day${hidden === 1 ? "" : "s"} (from ${allRows[0].key} to ${allRows[allRows.length - 1].key}) ` +
      "lie outside: set From and To to see them."));
  }
  const series = d3.stack().keys(types).value((row, type) => row[type] || 0)(rows);

  const width = Math.max(box.clientWidth || 600, 300);
  const height = 220;
  const margin = { top: 8, right: 24, bottom: 24, left: 36 };
  const first = rows[0].day;
  const last = d3.utcDay.offset(rows[rows.length - 1].day, 1);
  const x = d3.scaleUtc().domain([first, last]).range([margin.left, width - margin.right]);
  const y = d3.scaleLinear()
    .domain([0, d3.max(series, (s) => d3.max(s, (d) => d[1])) || 1]).nice()
    .range([height - margin.bottom, margin.top]);
  const barWidth = Math.max(1, x(d3.utcDay.offset(first, 1)) - x(first) - 1);

  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "events per day by type");
  svg.append("g").selectAll("g").data(series).join("g")
    .attr("fill", (s) => typeColour(s.key))
    .selectAll("rect").data((s) => s.map((d) => ({ type: s.key, d }))).join("rect")
    .filter(({ d }) => d[1] > d[0])
    .attr("class", "bar")
    .attr("data-day", ({ d }) => d.data.key)
    .attr("data-type", ({ type }) => type)
    .attr("x", ({ d }) => x(d.data.day))
    .attr("width", barWidth)
    .attr("y", ({ d }) => y(d[1]))
    .attr("height", ({ d }) => y(d[0]) - y(d[1]))
    .on("click", (_event, { type, d }) => narrow({ date_from: d.data.key, date_to: d.data.key, type }))
    .append("title").text(({ type, d }) => `${d.data.key} ${type}: ${d[1] - d[0]}`);
  svg.append("g").attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.min(8, rows.length + 1)));
  svg.append("g").attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(4).tickFormat(d3.format("d")));
}

async function drawTable(filters) {
  const offset = Number(filters.get("offset") || 0);
  const query = new URLSearchParams(filters);
  query.set("limit", String(LIMIT));
  const { items, total } = await api("/api/events?" + query.toString());
  document.getElementById("total").textContent = String(total);
  const body = document.querySelector("#events tbody");
  for (const item of items) {
    const articleLink = el("a", { href: `/articles/${encodeURIComponent(item.article_id)}#event-${encodeURIComponent(item.event_id)}`, class: "open" },
      item.title || item.article_id);
    const type = el("span", { class: "type" }, item.type);
    type.style.borderColor = typeColour(item.type);
    const row = el("tr", { dataset: { article: item.article_id, event: item.event_id } },
      el("td", { class: "nowrap" }, dateText(item.date, item.date_basis)),
      el("td", {}, type, item.mode ? ` ${item.mode}` : ""),
      el("td", {}, names(item.source)),
      el("td", {}, names(item.target)),
      el("td", { dataset: { basis: item.place_basis || "" } },
        [item.place_name, item.country].filter(Boolean).join(", "),
        item.place_name && item.place_basis && item.place_basis !== "stated" ? ` (${item.place_basis})` : ""),
      el("td", { title: item.sentence_text || "" }, item.trigger_text || "",
        item.n_mentions > 1 ? el("span", { class: "meta" }, ` +${item.n_mentions - 1} more`) : null),
      el("td", {}, articleLink),
    );
    row.addEventListener("click", (event) => {
      if (event.target.closest("a")) return;
      narrow({ article: item.article_id });
    });
    body.append(row);
  }
  if (!items.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "hint" }, "No events match.")));
  pager(document.getElementById("pager"), total, offset, LIMIT);
}

async function main() {
  const filters = currentFilters();
  const listFilters = new URLSearchParams(filters);
  filters.delete("offset");
  const jobs = [setupFilters(), drawMap(filters), drawTimeline(filters), drawTable(listFilters)];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
  document.body.dataset.ready = failed ? "error" : "yes";
}

main();
