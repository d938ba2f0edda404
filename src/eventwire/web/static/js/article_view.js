// An article's text with every extracted span highlighted by kind, and its events and quotes
// listed beside it, each linked to its words. Shared by the article page and the extract page.
//
// Spans overlap (an actor inside a quote, a trigger inside both), so the text is cut at every
// span boundary and each piece is wrapped in the marks of the spans that cover it, widest
// outside. Every piece carries its offsets, which is how an event's sentence is lit up.
import { dateText, el, externalLink, typeColour } from "./common.js";

const KINDS = ["quote", "speaker", "actor", "place", "date", "trigger"];

function pieces(text, spans, extraCuts) {
  const cuts = new Set([0, text.length, ...extraCuts]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const sorted = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) result.push([sorted[i], sorted[i + 1]]);
  return result;
}

export function renderText(container, text, spans, extraCuts = []) {
  const valid = spans.filter((s) => s.start < s.end && s.start >= 0 && s.end <= text.length);
  const fragment = document.createDocumentFragment();
  for (const [a, b] of pieces(text, valid, extraCuts)) {
    let node = el("span", { class: "seg", dataset: { a: String(a), b: String(b) } }, text.slice(a, b));
    const covering = valid
      .filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => (x.end - x.start) - (y.end - y.start) || KINDS.indexOf(y.kind) - KINDS.indexOf(x.kind));
    // Innermost (shortest) first, so the widest span ends up outside.
    for (const span of covering) {
      const mark = el("mark", {
        class: `span span-${span.kind}`,
        title: `${span.kind}: ${span.label ?? ""}`,
        dataset: { kind: span.kind, start: String(span.start), end: String(span.end), ref: span.ref ?? "" },
      });
      mark.append(node);
      node = mark;
    }
    fragment.append(node);
  }
  container.replaceChildren(fragment);
}

// Light up the words from start to end (an event's sentence, a quote) and scroll to them.
export function focusRange(container, start, end, anchor) {
  for (const old of container.querySelectorAll(".focus, .anchor")) old.classList.remove("focus", "anchor");
  let first = null;
  for (const seg of container.querySelectorAll(".seg")) {
    const a = Number(seg.dataset.a);
    const b = Number(seg.dataset.b);
    if (a >= start && b <= end) {
      seg.classList.add("focus");
      if (!first) first = seg;
    }
    if (anchor !== undefined && a === anchor) seg.classList.add("anchor");
  }
  const target = container.querySelector(".anchor") || first;
  if (target) target.scrollIntoView({ block: "center" });
}

function actorNames(document, ids) {
  const byId = new Map(document.actors.map((a) => [a.id, a]));
  return ids.map((id) => (byId.get(id) ? byId.get(id).name : id)).join(", ");
}

export function renderDocument(root, document, spans) {
  const text = document.article.text;
  const textBox = root.querySelector("#article-text");
  const cuts = [];
  for (const event of document.events) cuts.push(event.sentence.start, event.sentence.end);
  renderText(textBox, text, spans, cuts);

  const places = new Map(document.places.map((p) => [p.id, p]));
  const eventList = root.querySelector("#article-events");
  eventList.replaceChildren();
  for (const event of document.events) {
    const type = el("span", { class: "type" }, event.type, event.mode ? ` ${event.mode}` : "");
    type.style.borderColor = typeColour(event.type);
    const place = event.place && places.get(event.place) ? places.get(event.place).name : null;
    const flags = [event.negated && "negated", event.hypothetical && "hypothetical", event.future && "future"]
      .filter(Boolean).join(", ");
    const item = el("li", { class: "event", dataset: { event: event.id } },
      el("a", { href: `#event-${event.id}`, class: "to-span" }, type),
      el("div", {}, `${actorNames(document, event.source) || "—"} → ${actorNames(document, event.target) || "—"}`),
      el("div", { class: "meta" },
        dateText(event.when && event.when.date, event.when && event.when.basis),
        place ? ` · ${place}` : "",
        event.fatalities !== null && event.fatalities !== undefined ? ` · ${event.fatalities} dead` : "",
        flags ? ` · ${flags}` : ""),
    );
    eventList.append(item);
  }
  if (!document.events.length) eventList.append(el("li", { class: "hint" }, "No events found."));

  const quoteList = root.querySelector("#article-quotes");
  quoteList.replaceChildren();
  for (const quote of document.quotes) {
    const speaker = quote.speaker ? actorNames(document, [quote.speaker]) : null;
    const item = el("li", { class: "quote", dataset: { quote: quote.id } },
      el("a", { href: `#quote-${quote.id}`, class: "to-span" }, `“${quote.text}”`),
      el("div", { class: "meta" },
        speaker ? `— ${speaker}` : `speaker unknown: ${quote.unresolved_reason || "not named"}`,
        quote.cue ? ` (${quote.cue})` : ""),
    );
    quoteList.append(item);
  }
  if (!document.quotes.length) quoteList.append(el("li", { class: "hint" }, "No quotes found."));

  const focusFromHash = () => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    for (const li of root.querySelectorAll("li.current")) li.classList.remove("current");
    if (hash.startsWith("event-")) {
      const event = document.events.find((e) => e.id === hash.slice(6));
      if (!event) return;
      focusRange(textBox, event.sentence.start, event.sentence.end, event.trigger.start);
      root.querySelector(`li[data-event="${CSS.escape(event.id)}"]`)?.classList.add("current");
    } else if (hash.startsWith("quote-")) {
      const quote = document.quotes.find((q) => q.id === hash.slice(6));
      if (!quote) return;
      focusRange(textBox, quote.start, quote.end, quote.start);
      root.querySelector(`li[data-quote="${CSS.escape(quote.id)}"]`)?.classList.add("current");
    }
  };
  window.addEventListener("hashchange", focusFromHash);
  focusFromHash();
}

// Title, source, date and URL above the text; the URL is a link only when it is http(s).
export function renderMeta(titleBox, metaBox, article) {
  if (titleBox) titleBox.textContent = article.title || `Article ${article.id}`;
  const parts = [];
  if (article.source) parts.push(el("span", { class: "source" }, article.source));
  if (article.published) parts.push(el("span", {}, `published ${article.published} (${article.published_from})`));
  if (article.url) parts.push(externalLink(article.url));
  parts.push(el("span", { class: "id" }, `id ${article.id}`));
  metaBox.replaceChildren();
  parts.forEach((part, i) => {
    if (i) metaBox.append(" · ");
    metaBox.append(part);
  });
}
