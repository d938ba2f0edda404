// One story: what its members agree on, each disagreement with every value and links to the
// sentences that give it, and the member reports side by side.
import { api, dateText, el, names, showError, siteLink, typeColour } from "./common.js";

function sentenceLink(ref, label) {
  return el("a", {
    href: `/articles/${encodeURIComponent(ref.article_id)}#event-${encodeURIComponent(ref.event_id)}`,
    class: "to-sentence",
  }, label);
}

function facts(box, story) {
  const rows = [
    ["Type", `${story.type}${story.mode ? " " + story.mode : ""}`],
    ["Dates", story.date_first === story.date_last ? story.date_first : `${story.date_first} – ${story.date_last}`],
    ["Agreed date", story.date ? `${story.date} (${story.date_basis})` : `none (${story.date_basis || "undated"})`],
    ["Place", story.place ? `${story.place.name}${story.country ? ", " + story.country : ""} (${story.place.precision})` : "unknown"],
    ["Toll", story.fatalities !== null ? String(story.fatalities)
      : story.fatalities_min !== null ? `${story.fatalities_min}–${story.fatalities_max} (reports differ)` : "not given"],
    ["Source", names(story.source) || "—"],
    ["Target", names(story.target) || "—"],
    ["Reports", `${story.members.length} events in ${story.articles.length} article${story.articles.length === 1 ? "" : "s"}`],
  ];
  for (const [name, value] of rows) box.append(el("dt", {}, name), el("dd", {}, value ?? ""));
}

function disagreements(list, story, outlets) {
  if (!story.disagreements.length) {
    list.append(el("li", { class: "hint" }, "The reports agree on every value they give."));
    return;
  }
  for (const d of story.disagreements) {
    const values = el("ul", {});
    for (const value of d.values) {
      const refs = el("span", { class: "refs" });
      value.refs.forEach((ref, i) => {
        if (i) refs.append(", ");
        refs.append(sentenceLink(ref, `${outlets.get(ref.article_id) || ref.article_id} ${ref.event_id}`));
      });
      values.append(el("li", {}, el("strong", {}, value.value), " — ", refs));
    }
    list.append(el("li", { dataset: { field: d.field } }, el("span", { class: "field" }, d.field), values));
  }
}

// A value with where it came from, e.g. "Jilib (coreferent)"; "—" for none.
function withBasis(value, basis) {
  if (!value) return "—";
  return basis ? `${value} (${basis})` : value;
}

// One passage reporting a member event: its sentence with the trigger marked, and a link to it.
function mentionQuote(member, mention, index) {
  const { sentence, trigger } = mention;
  const from = trigger.start - sentence.start;
  const to = trigger.end - sentence.start;
  const words = from >= 0 && to <= sentence.text.length
    ? [sentence.text.slice(0, from), el("mark", { class: "span span-trigger" }, sentence.text.slice(from, to)),
      sentence.text.slice(to)]
    : [sentence.text];
  const own = [mention.date && dateText(mention.date, mention.date_basis), mention.place_name,
    mention.fatalities !== null && mention.fatalities !== undefined ? `${mention.fatalities} dead` : null]
    .filter(Boolean).join(" · ");
  return el("li", { class: "mention", dataset: { mention: String(index) } },
    el("blockquote", {}, ...words),
    own ? el("div", { class: "meta" }, own) : null,
    el("a", {
      href: `/articles/${encodeURIComponent(member.article_id)}#mention-${encodeURIComponent(member.event_id)}-${index}`,
      class: "to-mention",
    }, "show in the article"),
  );
}

// One event of a report: its values with where each came from, and every passage telling it.
function memberEvent(member) {
  const type = el("span", { class: "type" }, member.type, member.mode ? ` ${member.mode}` : "");
  type.style.borderColor = typeColour(member.type);
  const place = [member.place_name, member.country].filter(Boolean).join(", ");
  const told = member.mentions && member.mentions.length
    ? el("ol", { class: "mentions" }, ...member.mentions.map((m, i) => mentionQuote(member, m, i)))
    : el("blockquote", {}, member.sentence.text);
  return el("div", { class: "member", dataset: { article: member.article_id, event: member.event_id } },
    el("dl", { class: "facts" },
      el("dt", {}, "Event"), el("dd", {}, type, ` (${member.event_id})`),
      el("dt", {}, "Date"), el("dd", {}, dateText(member.date, member.date_basis)),
      el("dt", {}, "Place"), el("dd", { dataset: { basis: member.place_basis || "" } },
        place ? withBasis(place, member.place_basis) : "unknown"),
      el("dt", {}, "Toll"), el("dd", {}, member.fatalities ?? "not given"),
      el("dt", {}, "Source"), el("dd", { dataset: { basis: member.source_basis || "" } },
        withBasis(member.source_actors.join(", "), member.source_basis)),
      el("dt", {}, "Target"), el("dd", { dataset: { basis: member.target_basis || "" } },
        withBasis(member.target_actors.join(", "), member.target_basis)),
      el("dt", {}, "Mentions"), el("dd", {}, String(member.mentions && member.mentions.length ? member.mentions.length : 1)),
    ),
    told,
    sentenceLink(member, "show every mention in the article"),
  );
}

// One column per article, its events under it, so the reports read side by side.
function reportColumn(members) {
  const first = members[0];
  const column = el("section", { class: "report", dataset: { article: first.article_id } },
    el("h3", {}, el("a", { href: `/articles/${encodeURIComponent(first.article_id)}` }, first.title || first.article_id)),
    el("p", { class: "meta" }, [first.source, first.published && `published ${first.published}`].filter(Boolean).join(" · "),
      first.url ? " · " : "", first.url ? siteLink(first.url) : null),
  );
  for (const member of members) column.append(memberEvent(member));
  return column;
}

function byArticleOf(members) {
  const groups = new Map();
  for (const member of members) {
    if (!groups.has(member.article_id)) groups.set(member.article_id, []);
    groups.get(member.article_id).push(member);
  }
  return groups;
}

async function main() {
  const root = document.getElementById("story");
  try {
    const body = await api(`/api/stories/${encodeURIComponent(root.dataset.storyId)}`);
    const { story, members } = body;
    document.getElementById("story-title").textContent =
      `${story.type}${story.mode ? " " + story.mode : ""}${story.place ? " in " + story.place.name : ""}, ${story.date_first || "undated"}`;
    facts(document.getElementById("story-facts"), story);
    const outlets = new Map(members.map((m) => [m.article_id, m.source || m.title || m.article_id]));
    disagreements(document.getElementById("disagreements"), story, outlets);
    const byArticle = byArticleOf(members);
    const box = document.getElementById("members");
    for (const group of byArticle.values()) box.append(reportColumn(group));
    document.body.dataset.ready = "yes";
  } catch (error) {
    showError(error);
    document.body.dataset.ready = "error";
  }
}

main();
