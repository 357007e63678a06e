// clusternews dashboard. All data is untrusted text: the DOM is built with textContent and
// setAttribute only (never innerHTML), and links are kept only for http(s) URLs.
"use strict";

const state = {
  clusters: new Map(),          // id -> cluster JSON (/api/clusters items)
  sort: { field: "newsCount", order: "desc" },
  measure: "newsCount",         // what clusters are ranked and charted by: newsCount or eventCount
  country: "",
  chart: null,
  events: [],                   // /api/events items, newest first
  eventLanguage: "",
  eventLanguages: new Set(),    // languages seen in the events listed without a language filter
};

const PALETTE = ["#0b57d0", "#b3261e", "#137333", "#a142f4", "#e37400", "#007b83", "#c5221f", "#5f6368", "#8a6d00", "#d01884"];
const DEFAULT_ORDER = { name: "asc", country: "asc", newsCount: "desc", eventCount: "desc", lastPublishedAt: "desc" };
const MEASURES = {
  newsCount: { heading: "News per month", byMonth: (c) => c.countsByMonth },
  eventCount: { heading: "Events per month", byMonth: (c) => c.eventsByMonth || {} },
};

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeHref(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function formatEuro(amount) {
  if (amount === null || amount === undefined) return "not stated";
  return new Intl.NumberFormat("en", { style: "currency", currency: "EUR", notation: "compact", maximumFractionDigits: 1 }).format(amount);
}

function period(start, end) {
  if (!start && !end) return "not stated";
  if (!end) return "from " + start + " (end not stated)";
  if (!start) return "until " + end + " (start not stated)";
  return start + " – " + end;
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = !message;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (response.status === 503) {
    const retry = Number(response.headers.get("Retry-After") || "2");
    const error = new Error("The data is not available right now (the pipeline is rebalancing or starting); retrying in " + retry + " s.");
    error.retryAfter = retry;
    throw error;
  }
  if (!response.ok) {
    const error = new Error(path + " answered " + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function withRetry(load) {
  return async function attempt() {
    try {
      await load();
      showError("");
    } catch (error) {
      showError(error.message);
      setTimeout(attempt, (error.retryAfter || 5) * 1000);
    }
  };
}

// ---- clusters table -------------------------------------------------------------------------

function compareClusters(a, b) {
  const { field, order } = state.sort;
  const key = (c) => field === "name" ? (c.name || c.id).toLowerCase() : c[field];
  const x = key(a), y = key(b);
  let result;
  if (x === y) result = 0;
  else if (x === null || x === undefined) return 1;      // missing values last in both orders
  else if (y === null || y === undefined) return -1;
  else result = x < y ? -1 : 1;
  if (order === "desc") result = -result;
  return result || a.id.localeCompare(b.id);
}

function visibleClusters() {
  return [...state.clusters.values()]
    .filter((c) => !state.country || c.country === state.country)
    .sort(compareClusters);
}

function renderTable(flashId) {
  const body = document.querySelector("#cluster-table tbody");
  const rows = visibleClusters().map((c) => {
    const row = el("tr", { "data-cluster-id": c.id, class: c.id === flashId ? "flash" : null },
      el("th", { scope: "row" }, c.name || c.id),
      el("td", {}, c.country || "—"),
      el("td", { class: "number" }, c.newsCount),
      el("td", { class: "number event-count" }, c.eventCount || 0),
      el("td", { class: "date" }, c.lastPublishedAt || "—"),
      el("td", { class: "col-consortia" }, c.consortiumIds.length ? c.consortiumIds.map((id) => id.replace(/^cons:/, "").toUpperCase()).join(", ") : "—"));
    return row;
  });
  body.replaceChildren(...rows);
  for (const th of document.querySelectorAll("#cluster-table th[aria-sort]")) {
    const field = th.querySelector("button").dataset.sort;
    th.setAttribute("aria-sort", field === state.sort.field ? (state.sort.order === "asc" ? "ascending" : "descending") : "none");
  }
  for (const button of document.querySelectorAll("button[data-rank]")) {
    button.setAttribute("aria-pressed", String(button.dataset.rank === state.measure));
  }
}

/** Ranks the clusters, and charts them, by news or by events. */
function rankBy(measure) {
  state.measure = measure;
  state.sort = { field: measure, order: "desc" };
  renderTable();
  renderChart();
}

function setupSorting() {
  for (const button of document.querySelectorAll("#cluster-table th button")) {
    button.addEventListener("click", () => {
      const field = button.dataset.sort;
      state.sort = field === state.sort.field
        ? { field, order: state.sort.order === "asc" ? "desc" : "asc" }
        : { field, order: DEFAULT_ORDER[field] };
      if (MEASURES[field] && field !== state.measure) {
        state.measure = field;
        renderChart();
      }
      renderTable();
    });
  }
  for (const button of document.querySelectorAll("button[data-rank]")) {
    button.addEventListener("click", () => rankBy(button.dataset.rank));
  }
  document.getElementById("country-filter").addEventListener("change", (event) => {
    state.country = event.target.value;
    renderTable();
  });
}

// ---- countries ------------------------------------------------------------------------------

function renderCountries() {
  const byCountry = new Map();
  for (const c of state.clusters.values()) {
    const country = c.country || "unknown";
    const entry = byCountry.get(country) || { clusters: 0, news: 0 };
    entry.clusters += 1;
    entry.news += c.newsCount;
    byCountry.set(country, entry);
  }
  const countries = [...byCountry.keys()].sort();
  document.getElementById("country-list").replaceChildren(...countries.map((country) => {
    const { clusters, news } = byCountry.get(country);
    return el("li", { "data-country": country },
      el("strong", {}, country), " ", clusters + (clusters === 1 ? " cluster" : " clusters") + ", " + news + " news");
  }));
  const select = document.getElementById("country-filter");
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "" }, "All countries"),
    ...countries.filter((c) => c !== "unknown").map((c) => el("option", { value: c }, c)));
  select.value = chosen;
}

// ---- chart ----------------------------------------------------------------------------------

function monthRange(clusters, byMonth) {
  const months = clusters.flatMap((c) => Object.keys(byMonth(c)));
  if (!months.length) return [];
  months.sort();
  const range = [];
  let [year, month] = months[0].split("-").map(Number);
  const last = months[months.length - 1];
  for (;;) {
    const label = year + "-" + String(month).padStart(2, "0");
    range.push(label);
    if (label >= last) break;
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return range;
}

function renderChart() {
  if (typeof Chart === "undefined") return;      // chart library missing: the table still has the figures
  const measure = MEASURES[state.measure];
  document.getElementById("timeline-heading").textContent = measure.heading;
  const clusters = [...state.clusters.values()].filter((c) => (c[state.measure] || 0) > 0)
    .sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
  const labels = monthRange(clusters, measure.byMonth);
  const datasets = clusters.map((c, i) => ({
    label: c.name || c.id,
    data: labels.map((m) => measure.byMonth(c)[m] || 0),
    backgroundColor: PALETTE[i % PALETTE.length],
  }));
  if (state.chart) {
    state.chart.data.labels = labels;
    state.chart.data.datasets = datasets;
    state.chart.update();
    return;
  }
  state.chart = new Chart(document.getElementById("timeline-chart"), {
    type: "bar",
    data: { labels, datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
    },
  });
}

// ---- consortia and programmes ---------------------------------------------------------------

function definitionList(pairs) {
  return el("dl", {}, ...pairs.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]));
}

function renderConsortia(consortia) {
  document.getElementById("consortium-list").replaceChildren(...consortia.map((c) => {
    const programme = c.programmeChain.map((p) => p.shortName || p.name).join(" → ") || "not stated";
    return el("article", { class: "card", "data-consortium-id": c.id },
      el("h3", {}, c.acronym),
      c.fullTitle ? el("p", { class: "muted" }, c.fullTitle) : null,
      definitionList([
        ["Programme", programme],
        ["Period", period(c.startMonth, c.endMonth)],
        ["Budget", formatEuro(c.totalBudgetEur)],
        ["News", c.activity ? c.activity.newsCount : 0],
        ["Events", c.activity ? c.activity.eventCount || 0 : 0],
      ]),
      el("p", {}, "Members"),
      el("ul", {}, ...c.members.map((m) => el("li", {},
        (m.name || m.organisationId) + (m.country ? " (" + m.country + ")" : "") + " — " + m.role.replace(/_/g, " ")))));
  }));
}

function renderProgrammes(programmes) {
  document.getElementById("programme-list").replaceChildren(...programmes.map((p) => el("article", { class: "card", "data-programme-id": p.id },
    el("h3", {}, p.shortName || p.name),
    p.shortName ? el("p", { class: "muted" }, p.name) : null,
    definitionList([
      ["Part of", p.parents.map((x) => x.shortName || x.name).join(" → ") || "—"],
      ["Period", period(p.periodStart, p.periodEnd)],
      ["Budget", formatEuro(p.budgetEur)],
      ["Consortia", p.consortiumIds.length ? p.consortiumIds.map((id) => id.replace(/^cons:/, "").toUpperCase()).join(", ") : "—"],
      ["News", p.activity ? p.activity.newsCount : 0],
      ["Events", p.activity ? p.activity.eventCount || 0 : 0],
    ]))));
}

async function loadConsortiaAndProgrammes() {
  const consortia = (await getJson("/api/consortia")).items;
  renderConsortia(consortia);
  const programmeIds = [...new Set(consortia.flatMap((c) => c.programmeChain.map((p) => p.id)))].sort();
  const programmes = [];
  for (const id of programmeIds) {
    try {
      programmes.push(await getJson("/api/programmes/" + encodeURIComponent(id)));
    } catch (error) {
      // a programme without reference data or activity (404) is simply not shown; anything else (a 503 while
      // the pipeline rebalances, a network error) is retried with the whole section
      if (error.status !== 404) throw error;
    }
  }
  renderProgrammes(programmes);
}

// ---- news -----------------------------------------------------------------------------------

function renderNews(items) {
  document.getElementById("news-list").replaceChildren(...items.map((n) => {
    const href = safeHref(n.url);
    const title = href
      ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", class: "news-title" }, n.title)
      : el("span", { class: "news-title" }, n.title);
    const clusters = n.clusters.map((c) => (state.clusters.get(c.clusterId) || {}).name || c.clusterId);
    return el("li", { "data-news-id": n.id },
      el("span", { class: "kind" }, (n.kind || "OTHER").replace(/_/g, " ").toLowerCase()),
      title,
      el("div", { class: "meta" }, (n.publishedAt || "undated") + (clusters.length ? " · " + clusters.join(", ") : "")));
  }));
}

async function loadNews() {
  renderNews((await getJson("/api/news?limit=20")).items);
}

// ---- events -------------------------------------------------------------------------------

let languageNames = null;
try {
  languageNames = new Intl.DisplayNames(["en"], { type: "language" });
} catch (e) {
  // an older browser: codes only
}

function languageName(code) {
  try {
    return (languageNames && code && languageNames.of(code)) || code || "language not detected";
  } catch (e) {
    return code;
  }
}

function languageBadge(code) {
  return el("abbr", { class: "lang", title: languageName(code), "data-language": code || "" }, code || "?");
}

function kindLabel(kind) {
  return (kind || "OTHER").replace(/_/g, " ").toLowerCase();
}

/** When it took place: its own dates, else when it was reported. */
function eventWhen(e) {
  if (e.start) return e.end && e.end !== e.start ? e.start + " – " + e.end : e.start;
  if (!e.firstReportedAt) return "date not stated";
  const reported = e.firstReportedAt === e.lastReportedAt || !e.lastReportedAt
    ? e.firstReportedAt : e.firstReportedAt + " – " + e.lastReportedAt;
  return "date not stated, reported " + reported;
}

function clusterName(id) {
  return (state.clusters.get(id) || {}).name || id;
}

function renderEvents() {
  document.getElementById("event-list").replaceChildren(...state.events.map((e) => {
    const place = e.location ? [e.location.city, e.location.country].filter(Boolean).join(", ") : null;
    const reports = e.reports.map((r) => {
      const href = safeHref(r.url);
      const title = href
        ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", class: "report-title", lang: r.language }, r.title)
        : el("span", { class: "report-title", lang: r.language }, r.title);
      return el("li", { class: "event-report", "data-news-id": r.newsId },
        languageBadge(r.language), " ", title,
        el("div", { class: "meta" },
          el("span", { class: "report-publisher" }, r.publisherName || r.publisherId || "publisher not known"),
          " · ", el("span", { class: "report-date" }, r.publishedAt || "undated")));
    });
    return el("li", { class: "event", "data-event-id": e.id },
      el("div", { class: "event-head" },
        el("span", { class: "kind" }, kindLabel(e.kind)),
        el("strong", { class: "event-when" }, eventWhen(e)),
        place ? el("span", { class: "event-place" }, " · " + place) : null),
      el("div", { class: "meta" },
        e.reportCount + (e.reportCount === 1 ? " report" : " reports") + " in ",
        el("span", { class: "event-languages" }, ...e.languages.flatMap((l, i) => i ? [" ", languageBadge(l)] : [languageBadge(l)])),
        e.clusterIds.length ? " · " + e.clusterIds.map(clusterName).join(", ") : null),
      el("ul", { class: "event-reports" }, ...reports));
  }));
}

function renderEventLanguages() {
  const select = document.getElementById("event-language-filter");
  const languages = [...state.eventLanguages].sort();
  select.replaceChildren(el("option", { value: "" }, "Any language"),
    ...languages.map((code) => el("option", { value: code }, languageName(code) + " (" + code + ")")));
  select.value = state.eventLanguage;
}

async function loadEvents() {
  const language = state.eventLanguage;
  const items = (await getJson("/api/events?limit=10" + (language ? "&language=" + encodeURIComponent(language) : ""))).items;
  if (language !== state.eventLanguage) return;     // the filter changed while loading: its own load renders
  state.events = items;
  items.forEach((e) => e.languages.forEach((l) => state.eventLanguages.add(l)));
  renderEventLanguages();
  renderEvents();
}

function setupEventFilter() {
  document.getElementById("event-language-filter").addEventListener("change", (event) => {
    state.eventLanguage = event.target.value;
    withRetry(loadEvents)();
  });
}

// ---- loading and live updates ---------------------------------------------------------------

async function loadClusters() {
  const clusters = (await getJson("/api/clusters")).items;
  state.clusters = new Map(clusters.map((c) => [c.id, c]));
  renderAll();
}

function renderAll(flashId) {
  renderCountries();
  renderTable(flashId);
  renderChart();
  renderEvents();       // names the clusters of each event
}

// an activity change means new news, and maybe a new or grown event: reload both lists, once per burst of changes
let listsReload = null;
function scheduleListsReload() {
  clearTimeout(listsReload);
  listsReload = setTimeout(() => { withRetry(loadNews)(); withRetry(loadEvents)(); }, 300);
}

function connectLive() {
  const status = document.getElementById("live-status");
  const source = new EventSource("/api/stream");
  source.addEventListener("hello", () => {
    status.textContent = "Live updates on";
    status.classList.add("connected");
  });
  source.addEventListener("activity", (event) => {
    const change = JSON.parse(event.data);
    if (change.entity === "cluster") {
      state.clusters.set(change.id, change.activity);
      renderAll(change.id);
    }
    scheduleListsReload();
  });
  source.onerror = () => {
    status.textContent = "Live updates reconnecting…";
    status.classList.remove("connected");
  };
}

document.addEventListener("DOMContentLoaded", () => {
  setupSorting();
  setupEventFilter();
  // news after clusters, so news items can name their clusters
  withRetry(async () => { await loadClusters(); await loadNews(); })();
  withRetry(loadEvents)();
  withRetry(loadConsortiaAndProgrammes)();
  connectLive();
});
