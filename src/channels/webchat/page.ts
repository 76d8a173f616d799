import { escapeHtml } from "../../core/html.ts";
import type { Locale } from "../../i18n/translator.ts";

/** JSON inside <script>: no `</script>` or `<!--` can close it early. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

const LABELS = [
  "webchat-title",
  "webchat-business",
  "webchat-customer",
  "webchat-language",
  "webchat-placeholder",
  "webchat-send",
  "webchat-remind",
  "webchat-demo-note",
  "webchat-error",
  "webchat-no-appointment",
] as const;

/**
 * The web chat page: no framework, no build step. Right-to-left for Hebrew and Arabic; every
 * bubble has dir="auto" so a Latin name inside Hebrew (or the reverse) still reads right.
 */
export function webChatPage(opts: {
  locale: Locale;
  dir: "rtl" | "ltr";
  t: (id: string) => string;
  locales: readonly Locale[];
}): string {
  const labels = Object.fromEntries(LABELS.map((id) => [id, opts.t(id)]));
  const names: Record<Locale, string> = { he: "עברית", en: "English", ar: "العربية", ru: "Русский" };
  const languageOptions = opts.locales
    .map((l) => `<option value="${l}"${l === opts.locale ? " selected" : ""}>${names[l]}</option>`)
    .join("");
  return `<!doctype html>
<html lang="${opts.locale}" dir="${opts.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels["webchat-title"]!)}</title>
<style>
  body { font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 0; background: #eef1f4; }
  header { background: #1f6f5c; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
  header h1 { font-size: 1.1rem; margin: 0 1rem 0 0; }
  header label { font-size: .85rem; }
  header select { margin-inline-start: .3rem; max-width: 16rem; }
  .note { font-size: .8rem; color: #555; padding: .3rem 1rem; }
  #log { max-width: 40rem; margin: 0 auto; padding: 1rem; display: flex; flex-direction: column; gap: .5rem; min-height: 55vh; }
  .msg { padding: .55rem .8rem; border-radius: .8rem; max-width: 85%; white-space: pre-wrap; line-height: 1.35; }
  .bot { background: #fff; align-self: flex-start; }
  .me { background: #d9fdd3; align-self: flex-end; }
  .error { background: #fde2e1; align-self: center; }
  .buttons { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .45rem; }
  .buttons button { border: 1px solid #1f6f5c; background: #fff; color: #1f6f5c; border-radius: 1rem; padding: .3rem .75rem; cursor: pointer; }
  .buttons button:disabled { opacity: .45; cursor: default; }
  form { max-width: 40rem; margin: 0 auto; padding: 0 1rem 1rem; display: flex; gap: .5rem; }
  form input { flex: 1; padding: .55rem; border-radius: .5rem; border: 1px solid #bbb; }
  form button, #remind { padding: .55rem 1rem; border-radius: .5rem; border: 0; background: #1f6f5c; color: #fff; cursor: pointer; }
  #remind { background: #c77700; }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(labels["webchat-title"]!)}</h1>
  <label>${escapeHtml(labels["webchat-business"]!)}<select id="business" data-testid="business"></select></label>
  <label>${escapeHtml(labels["webchat-customer"]!)}<select id="persona" data-testid="persona"></select></label>
  <label>${escapeHtml(labels["webchat-language"]!)}<select id="language" data-testid="language">${languageOptions}</select></label>
  <button id="remind" type="button" data-testid="remind">${escapeHtml(labels["webchat-remind"]!)}</button>
</header>
<p class="note">${escapeHtml(labels["webchat-demo-note"]!)}</p>
<main id="log" aria-live="polite" data-testid="log"></main>
<form id="compose">
  <input id="text" autocomplete="off" data-testid="text" placeholder="${escapeHtml(labels["webchat-placeholder"]!)}">
  <button type="submit" data-testid="send">${escapeHtml(labels["webchat-send"]!)}</button>
</form>
<script>
const L = ${scriptJson(labels)};
const LANG = ${scriptJson(opts.locale)};
const $ = (id) => document.getElementById(id);
let businesses = [];
let stream = null;
const state = { site: null, persona: null, chat: null };

function chatId(site, phone) {
  const k = "t4y-webchat-" + site + "-" + phone;
  let id = localStorage.getItem(k);
  if (!id) { id = crypto.randomUUID(); localStorage.setItem(k, id); }
  return id;
}
function bubble(cls, text) {
  const div = document.createElement("div");
  div.className = "msg " + cls;
  div.dir = "auto";
  div.textContent = text;
  div.dataset.testid = cls;
  $("log").appendChild(div);
  div.scrollIntoView({ block: "end" });
  return div;
}
function show(messages) {
  for (const m of messages) {
    const div = bubble("bot", m.text);
    if (m.download) {
      const a = document.createElement("a");
      a.href = m.download.url;
      a.download = m.download.name;
      a.textContent = "📅 " + m.download.name;
      a.dataset.testid = "download";
      div.appendChild(document.createElement("br"));
      div.appendChild(a);
    }
    if (m.buttons.length) {
      const row = document.createElement("div");
      row.className = "buttons";
      for (const b of m.buttons) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.label;
        button.onclick = () => {
          for (const x of row.querySelectorAll("button")) x.disabled = true;
          bubble("me", b.label);
          send({ type: "choice", id: b.id });
        };
        row.appendChild(button);
      }
      div.appendChild(row);
    }
  }
}
async function post(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(json.error || res.statusText), { status: res.status });
  return json;
}
async function send(message) {
  const chat = state.chat;
  try {
    const r = await post("/webchat/message", { site: state.site, chat, persona: state.persona, lang: LANG, message });
    // The visitor switched customer meanwhile: this answer belongs to the chat they left.
    if (chat === state.chat) show(r.messages);
  } catch (e) {
    if (chat === state.chat) bubble("error", L["webchat-error"]);
  }
}
function connect() {
  if (stream) stream.close();
  stream = new EventSource("/webchat/events?site=" + encodeURIComponent(state.site) + "&chat=" + state.chat);
  stream.onmessage = (e) => show(JSON.parse(e.data).messages);
}
function choosePersona() {
  state.persona = $("persona").value;
  state.chat = chatId(state.site, state.persona);
  localStorage.setItem("t4y-webchat-persona", state.persona);
  $("log").innerHTML = "";
  connect();
  send({ type: "command", name: "start" });
}
function chooseBusiness() {
  state.site = $("business").value;
  localStorage.setItem("t4y-webchat-site", state.site);
  const b = businesses.find((x) => x.site === state.site);
  $("persona").innerHTML = "";
  for (const p of b.personas) {
    const o = document.createElement("option");
    o.value = p.phone;
    o.textContent = p.name + " · " + p.phone + (p.note ? " · " + p.note : "");
    $("persona").appendChild(o);
  }
  const saved = localStorage.getItem("t4y-webchat-persona");
  if (saved && b.personas.some((p) => p.phone === saved)) $("persona").value = saved;
  choosePersona();
}
$("business").onchange = chooseBusiness;
$("persona").onchange = choosePersona;
$("language").onchange = async () => {
  const lang = $("language").value;
  // The bot speaks the chosen language from now on; the page follows.
  await post("/webchat/message", { site: state.site, chat: state.chat, persona: state.persona, lang, message: { type: "choice", id: "l." + lang } }).catch(() => {});
  location.search = "?lang=" + lang;
};
$("remind").onclick = async () => {
  try {
    await post("/webchat/remind", { site: state.site, chat: state.chat, lang: LANG });
  } catch (e) {
    bubble("error", e.status === 409 ? L["webchat-no-appointment"] : L["webchat-error"]);
  }
};
$("compose").onsubmit = (e) => {
  e.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  $("text").value = "";
  bubble("me", text);
  send({ type: "text", text });
};
fetch("/webchat/businesses").then((r) => r.json()).then((r) => {
  businesses = r.businesses;
  for (const b of businesses) {
    const o = document.createElement("option");
    o.value = b.site;
    o.textContent = b.name;
    $("business").appendChild(o);
  }
  const saved = localStorage.getItem("t4y-webchat-site");
  if (saved && businesses.some((b) => b.site === saved)) $("business").value = saved;
  chooseBusiness();
});
</script>
</body>
</html>`;
}
