// Shared by every page: API calls, the filter form, safe DOM building and the type colours.
// Everything from the store is untrusted: it reaches the page only through textContent,
// attribute setters and http(s)-only links, never through innerHTML.

export const FILTERS = [
  "q", "type", "mode", "country", "actor", "place", "date_from", "date_to", "basis", "article",
];

// One colour per PLOVER type (16 types), so a type keeps its colour on every page.
const TYPE_COLOURS = {
  ASSAULT: "#d62728", COERCE: "#ff7f0e", PROTEST: "#e7ba52", THREATEN: "#8c564b",
  MOBILIZE: "#bd9e39", SANCTION: "#843c39", ACCUSE: "#e377c2", REJECT: "#7b4173",
  REQUEST: "#9467bd", RETREAT: "#17becf", AID: "#2ca02c", COOPERATE: "#98df8a",
  CONCEDE: "#637939", SUPPORT: "#1f77b4", CONSULT: "#aec7e8", AGREE: "#393b79",
};

export function typeColour(type) {
  return TYPE_COLOURS[type] || "#7f7f7f";
}

// An element with attributes and text; children appended in order (strings become text).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The URL as a link target only when it is http(s): a javascript: or data: URL stays text.
export function safeHref(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// A link to an external article URL, or the URL as plain text where it is not http(s).
export function externalLink(url, text) {
  const href = safeHref(url);
  if (!href) return el("span", { class: "url" }, text ?? url ?? "");
  return el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, text ?? url);
}

// A link that shows only the site's name (the whole URL in its title); as externalLink, a
// URL that is not http(s) stays text, shown whole.
export function siteLink(url) {
  const href = safeHref(url);
  if (!href) return externalLink(url);
  const link = externalLink(url, new URL(href).hostname);
  link.title = href;
  return link;
}

// The filters of the current URL, blank values dropped.
export function currentFilters() {
  const params = new URLSearchParams(window.location.search);
  const kept = new URLSearchParams();
  for (const name of [...FILTERS, "offset"]) {
    const value = (params.get(name) || "").trim();
    if (value) kept.set(name, value);
  }
  return kept;
}

// Navigate to this page with `changes` applied to the filters (null removes one); the offset
// goes back to the first page whenever a filter changes.
export function narrow(changes, path = window.location.pathname) {
  const params = currentFilters();
  params.delete("offset");
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  window.location.assign(path + (query ? "?" + query : ""));
}

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

// The JSON of an API call; an error response becomes an ApiError with its message and field.
export async function api(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: "application/json" }, ...options });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok || !body || body.ok === false) {
    const message = (body && body.error) || `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, body ? body.field : null);
  }
  return body;
}

export function showError(error) {
  const box = document.getElementById("error");
  if (!box) return;
  const field = error && error.field ? ` (${error.field})` : "";
  box.textContent = `${error && error.message ? error.message : String(error)}${field}`;
  box.hidden = false;
  if (error && error.field) {
    const input = document.querySelector(`#filters [name="${CSS.escape(error.field)}"]`);
    if (input) input.classList.add("invalid");
  }
}

// The filter form: facet values into its drop-downs, blank fields left out of the URL.
export async function setupFilters() {
  const form = document.getElementById("filters");
  if (!form) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim()) params.set(name, String(value).trim());
    }
    const query = params.toString();
    window.location.assign(window.location.pathname + (query ? "?" + query : ""));
  });
  let facets;
  try {
    facets = await api("/api/facets");
  } catch (error) {
    showError(error);
    return;
  }
  for (const select of form.querySelectorAll("select[data-facet]")) {
    const values = facetValues(facets[select.dataset.facet]);
    const chosen = select.value;
    for (const value of values) {
      if (value === chosen) continue;
      select.append(el("option", { value }, value));
    }
  }
}

// Facets may come as plain values or as {value, n} objects; either gives the values.
function facetValues(list) {
  if (!Array.isArray(list)) return [];
  return list
    .map((item) => (item && typeof item === "object" ? item.value ?? item.name : item))
    .filter((value) => value !== null && value !== undefined && value !== "")
    .map(String);
}

// "Showing a–b of n" with previous/next links that keep the filters.
export function pager(container, total, offset, limit) {
  container.replaceChildren();
  if (total <= limit && offset === 0) return;
  const here = (start) => {
    const params = currentFilters();
    if (start > 0) params.set("offset", String(start));
    else params.delete("offset");
    return window.location.pathname + "?" + params.toString();
  };
  if (offset > 0) container.append(el("a", { href: here(Math.max(0, offset - limit)) }, "← previous"));
  container.append(
    el("span", {}, ` ${offset + 1}–${Math.min(offset + limit, total)} of ${total} `),
  );
  if (offset + limit < total) container.append(el("a", { href: here(offset + limit) }, "next →"));
}

export function names(list) {
  if (!Array.isArray(list) || list.length === 0) return "";
  return list.map((item) => (item && typeof item === "object" ? item.name : item)).join(", ");
}

// A date with how it was found, e.g. "2024-03-12 (stated)".
export function dateText(date, basis) {
  if (!date) return "undated";
  return basis ? `${date} (${basis})` : String(date);
}
