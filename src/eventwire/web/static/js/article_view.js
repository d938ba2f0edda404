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

// Light up the words of each [start, end] range (the sentences of an event's mentions, a
// quote) and scroll to the anchor, or to the first lit words.
export function focusRanges(container, ranges, anchor) {
  for (const old of container.querySelectorAll(".focus, .anchor")) old.classList.remove("focus", "anchor");
  let first = null;
  for (const seg of container.querySelectorAll(".seg")) {
    const a = Number(seg.dataset.a);
    const b = Number(seg.dataset.b);
    if (ranges.some(([start, end]) => a >= start && b <= end)) {
      seg.classList.add("focus");
      if (!first) first = seg;
    }
    if (anchor !== undefined && a === anchor) seg.classList.add("anchor");
  }
  const target = container.querySelector(".anchor") || first;
  if (target) target.scrollIntoView({ block: "center" });
}

export function focusRange(container, start, end, anchor) {
  focusRanges(container, [[start, end]], anchor);
}

// The passages that report an event: its mentions, or the event itself when stored without.
function mentionsOf(event) {
  return event.mentions && event.mentions.length ? event.mentions : [event];
}

// A value with where it came from, e.g. "Jilib (coreferent)".
function withBasis(value, basis) {
  return basis ? `${value} (${basis})` : value;
}

// One mention: its sentence with its trigger marked, and what the sentence itself says.
function mentionItem(text, event, mention, index, places) {
  const { sentence, trigger } = mention;
  const inside = sentence.start <= trigger.start && trigger.end <= sentence.end;
  const words = inside
    ? [text.slice(sentence.start, trigger.start),
      el("mark", { class: "span span-trigger" }, text.slice(trigger.start, trigger.end)),
      text.slice(trigger.end, sentence.end)]
    : [sentence.text];
  const own = [];
  if (mention.type && mention.type !== event.type) own.push(mention.type);
  if (mention.when && mention.when.date) own.push(dateText(mention.when.date, mention.when.basis));
  const place = mention.place && places.get(mention.place);
  if (place) own.push(place.name);
  if (mention.fatalities !== null && mention.fatalities !== undefined) own.push(`${mention.fatalities} dead`);
  if (mention.negated) own.push("negated");
  return el("li", { class: "mention", dataset: { mention: String(index) } },
    el("a", { href: `#mention-${event.id}-${index}`, class: "to-sentence" }, ...words),
    own.length ? el("div", { class: "meta" }, own.join(" · ")) : null,
  );
}

function actorNames(document, ids) {
  const byId = new Map(document.actors.map((a) => [a.id, a]));
  return ids.map((id) => (byId.get(id) ? byId.get(id).name : id)).join(", ");
}

export function renderDocument(root, document, spans) {
  const text = document.article.text;
  const textBox = root.querySelector("#article-text");
  const cuts = [];
  for (const event of document.events) {
    for (const mention of mentionsOf(event)) cuts.push(mention.sentence.start, mention.sentence.end);
  }
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
    const source = actorNames(document, event.source);
    const target = actorNames(document, event.target);
    const told = mentionsOf(event);
    const item = el("li", { class: "event", dataset: { event: event.id } },
      el("a", { href: `#event-${event.id}`, class: "to-span" }, type),
      el("div", { class: "roles" },
        el("span", { class: "role", dataset: { role: "source", basis: event.source_basis || "" } },
          source ? withBasis(source, event.source_basis) : "—"),
        " → ",
        el("span", { class: "role", dataset: { role: "target", basis: event.target_basis || "" } },
          target ? withBasis(target, event.target_basis) : "—")),
      el("div", { class: "meta" },
        dateText(event.when && event.when.date, event.when && event.when.basis),
        place ? ` · ${withBasis(place, event.place_basis)}` : "",
        event.fatalities !== null && event.fatalities !== undefined ? ` · ${event.fatalities} dead` : "",
        flags ? ` · ${flags}` : "",
        ` · ${told.length} mention${told.length === 1 ? "" : "s"}`),
      el("ol", { class: "mentions" }, ...told.map((m, i) => mentionItem(text, event, m, i, places))),
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
      // Every sentence that reports the event is lit; its first trigger is the anchor.
      const event = document.events.find((e) => e.id === hash.slice(6));
      if (!event) return;
      const told = mentionsOf(event);
      focusRanges(textBox, told.map((m) => [m.sentence.start, m.sentence.end]), told[0].trigger.start);
      root.querySelector(`li[data-event="${CSS.escape(event.id)}"]`)?.classList.add("current");
    } else if (hash.startsWith("mention-")) {
      const cut = hash.lastIndexOf("-");
      const event = document.events.find((e) => e.id === hash.slice(8, cut));
      const mention = event && mentionsOf(event)[Number(hash.slice(cut + 1))];
      if (!mention) return;
      focusRange(textBox, mention.sentence.start, mention.sentence.end, mention.trigger.start);
      const item = root.querySelector(`li[data-event="${CSS.escape(event.id)}"]`);
      item?.querySelector(`li[data-mention="${CSS.escape(hash.slice(cut + 1))}"]`)?.classList.add("current");
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
