// The actor network: actors as nodes sized by their events, edges from source to target
// weighted by the number of events and coloured by type, laid out by d3-force. Clicking an
// actor opens the events page filtered to it.
/* global d3 */
import { api, currentFilters, el, narrow, setupFilters, showError, typeColour } from "./common.js";

const EDGE_LIMIT = 150;

async function drawNetwork(filters) {
  const query = new URLSearchParams(filters);
  query.set("limit", String(EDGE_LIMIT));
  const { nodes, edges } = await api("/api/network?" + query.toString());
  const box = document.getElementById("network");
  const legend = document.getElementById("legend");
  if (!nodes.length) {
    box.append(el("p", { class: "hint" }, "No actor acts on another in these events."));
    return;
  }
  for (const type of [...new Set(edges.map((e) => e.type))].sort()) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = typeColour(type);
    legend.append(el("span", { class: "key" }, swatch, type));
  }

  const width = Math.max(box.clientWidth || 800, 400);
  const height = 600;
  const byId = new Map(nodes.map((n) => [n.id, { ...n }]));
  const links = edges
    .filter((e) => byId.has(e.source) && byId.has(e.target))
    .map((e) => ({ ...e, source: byId.get(e.source), target: byId.get(e.target) }));
  const graphNodes = [...byId.values()];
  const biggest = d3.max(graphNodes, (n) => n.n) || 1;
  const radius = d3.scaleSqrt().domain([0, biggest]).range([4, 22]);
  const heaviest = d3.max(links, (l) => l.n) || 1;
  const thickness = d3.scaleLinear().domain([1, heaviest]).range([1, 8]);

  // A fixed number of ticks, then one drawing: the same data gives the same picture.
  const simulation = d3.forceSimulation(graphNodes)
    .force("link", d3.forceLink(links).distance(90))
    .force("charge", d3.forceManyBody().strength(-220))
    .force("center", d3.forceCenter(width / 2, height / 2))
    // Keep the actors that share no edge with the rest on the page rather than drifting off.
    .force("x", d3.forceX(width / 2).strength(0.06))
    .force("y", d3.forceY(height / 2).strength(0.1))
    .force("collide", d3.forceCollide((n) => radius(n.n) + 3))
    .stop();
  for (let i = 0; i < 300; i += 1) simulation.tick();
  for (const n of graphNodes) {
    n.x = Math.max(60, Math.min(width - 60, n.x));
    n.y = Math.max(25, Math.min(height - 30, n.y));
  }

  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "actor network");
  const defs = svg.append("defs");
  const edgeTypes = [...new Set(links.map((l) => l.type))];
  for (const [i, type] of edgeTypes.entries()) {
    defs.append("marker").attr("id", `arrow-${i}`).attr("viewBox", "0 -4 8 8")
      .attr("refX", 8).attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9)
      .attr("markerHeight", 9).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", typeColour(type));
  }
  // Parallel edges of different types between one pair are bent apart.
  const pairCount = new Map();
  svg.append("g").attr("class", "edges").selectAll("path").data(links).join("path")
    .attr("class", "edge")
    .attr("fill", "none")
    .attr("stroke", (l) => typeColour(l.type))
    .attr("stroke-opacity", 0.7)
    .attr("stroke-width", (l) => thickness(l.n))
    .attr("marker-end", (l) => `url(#arrow-${edgeTypes.indexOf(l.type)})`)
    .attr("d", (l) => {
      const key = [l.source.id, l.target.id].join("\u0000");
      const k = pairCount.get(key) || 0;
      pairCount.set(key, k + 1);
      const dx = l.target.x - l.source.x;
      const dy = l.target.y - l.source.y;
      const length = Math.hypot(dx, dy) || 1;
      const r = radius(l.target.n) + 2;
      const tx = l.target.x - (dx / length) * r;
      const ty = l.target.y - (dy / length) * r;
      const bend = 30 * (k + 1);
      const mx = (l.source.x + tx) / 2 - (dy / length) * bend;
      const my = (l.source.y + ty) / 2 + (dx / length) * bend;
      return `M${l.source.x},${l.source.y}Q${mx},${my} ${tx},${ty}`;
    })
    .append("title").text((l) => `${l.source.name} → ${l.target.name}: ${l.type} × ${l.n}`);

  const node = svg.append("g").attr("class", "nodes").selectAll("g").data(graphNodes).join("g")
    .attr("class", "node")
    .attr("data-name", (n) => n.name)
    .attr("transform", (n) => `translate(${n.x},${n.y})`)
    .on("click", (_event, n) => narrow({ actor: n.name }, "/"));
  node.append("circle").attr("r", (n) => radius(n.n));
  node.append("text").attr("dy", (n) => radius(n.n) + 12).attr("text-anchor", "middle")
    .text((n) => n.name);
  node.append("title").text((n) => `${n.name} (${[n.country, n.sector].filter(Boolean).join(" ")}): ${n.n} events`);
}

async function main() {
  const filters = currentFilters();
  filters.delete("offset");
  const results = await Promise.allSettled([setupFilters(), drawNetwork(filters)]);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
  document.body.dataset.ready = failed ? "error" : "yes";
}

main();
