// The article page: fetch the stored document and its spans, then draw them.
import { api, showError } from "./common.js";
import { renderDocument, renderMeta } from "./article_view.js";

async function main() {
  const root = document.getElementById("article");
  const id = root.dataset.articleId;
  try {
    const body = await api(`/api/articles/${encodeURIComponent(id)}`);
    renderMeta(document.getElementById("article-title"), document.getElementById("article-meta"), body.document.article);
    document.title = `${body.document.article.title || id} · eventwire`;
    renderDocument(root, body.document, body.spans);
    document.body.dataset.ready = "yes";
  } catch (error) {
    showError(error);
    document.body.dataset.ready = "error";
  }
}

main();
