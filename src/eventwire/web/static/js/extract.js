// The extract page: post the pasted article to /api/extract and show what was found.
import { api, el, showError } from "./common.js";
import { renderDocument } from "./article_view.js";

const form = document.getElementById("extract");
const status = document.getElementById("extract-status");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const payload = { text: String(data.get("text") || ""), store: data.get("store") === "on" };
  if (data.get("published")) payload.published = String(data.get("published"));
  if (String(data.get("title") || "").trim()) payload.title = String(data.get("title")).trim();
  status.textContent = "extracting…";
  document.getElementById("error").hidden = true;
  document.body.dataset.ready = "busy";
  try {
    const body = await api("/api/extract", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
    });
    const result = document.getElementById("result");
    result.hidden = false;
    const stored = document.getElementById("stored");
    const id = body.document.article.id;
    if (body.stored) {
      const link = el("a", { href: `/articles/${encodeURIComponent(id)}` }, `article ${id}`);
      stored.replaceChildren(body.already_present ? "Already in the archive: " : "Stored: ", link);
    } else {
      stored.textContent = `Not stored (article ${id}).`;
    }
    renderDocument(result, body.document, body.spans);
    const n = body.document.events.length;
    status.textContent = `${n} event${n === 1 ? "" : "s"}, ${body.document.quotes.length} quotes`;
    document.body.dataset.ready = "yes";
  } catch (error) {
    status.textContent = "";
    showError(error);
    document.body.dataset.ready = "error";
  }
});
document.body.dataset.ready = "yes";
