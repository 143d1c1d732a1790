// The adcc-kb explorer: plain browser JavaScript over the server's JSON API (docs/API.md).
// Everything the page shows comes from /api; text is inserted as text, never as markup, except the
// derivation graph, an SVG the server renders (and the page's Content-Security-Policy keeps inert).
"use strict";

const GRADES = ["none", "low", "moderate", "high"];
const SYSTEM = "system";           // the toggle column for an agent given to the whole system

const state = {
  agents: [],        // [{name, role, label}] from /api/rules
  outcomes: [],      // [{name, label, better, ...}] from /api/rules, in the vocabulary's order
  base: null,        // the starting scenario, without its expect block
  treatments: [],    // the current treatments: [{agent, on?}]
  fingerprint: null, // rules the page's answers were computed with
  seq: 0,            // answers to older requests are dropped
  exportUrl: null,
};

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* not JSON: reported below */ }
  if (!res.ok) throw new Error(json && json.error ? json.error : `${res.status} ${res.statusText}`);
  return json;
}

function showError(message) {
  const box = $("#error");
  box.textContent = message || "";
  box.hidden = !message;
}

const key = (t) => (t.on ? `${t.agent}@${t.on}` : t.agent);

function sortTreatments(list) {
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The scenario as toggled; a changed one gets its own id, so an export never passes for the finding. */
function scenarioNow() {
  const s = structuredClone(state.base);
  s.treatments = sortTreatments(state.treatments);
  if (changes().length && !s.id.endsWith("-explored")) s.id = `${s.id}-explored`;
  return s;
}

function changes() {
  const before = new Set((state.base.treatments || []).map(key));
  const now = new Set(state.treatments.map(key));
  const remove = [...before].filter((k) => !now.has(k)).sort();
  const add = [...now].filter((k) => !before.has(k)).sort();
  return [...remove.map((k) => ({ remove: k })), ...add.map((k) => ({ add: k }))];
}

// ---- rules and status -------------------------------------------------------------------------------

async function loadRules() {
  const rules = await api("GET", "/api/rules");
  state.agents = rules.agents;
  state.outcomes = rules.outcomes;
  buildOutcomes();
}

// The outcome list and the why-not goals come from the vocabulary's outcome kinds: a kind added to the rules
// shows here without a change to the page.
function buildOutcomes() {
  const dl = $("#outcome");
  dl.replaceChildren(...state.outcomes.map((o) => el("div", {},
    el("dt", { text: o.label.charAt(0).toUpperCase() + o.label.slice(1) }),
    el("dd", { id: `outcome-${o.name}`, "data-level": "", text: "–" }))));
  const goals = state.outcomes.flatMap((o) => o.better === "higher"
    ? [`${o.name}>=moderate`, `${o.name}=high`, `${o.name}>=low`]
    : [`${o.name}<=low`, `${o.name}=none`]);
  $("#whynot-goals").replaceChildren(...goals.map((g) => el("option", { value: g })));
  const goal = $("#whynot-goal");
  if (!goal.value && goals.length) goal.value = goals[0];
}

async function pollStatus() {
  try {
    const s = await api("GET", "/api/status");
    const banner = $("#rules-banner");
    if (s.error) {
      banner.textContent = (s.state === "stale"
        ? "The rules on disk do not load; answers still use the last rules that did.\n"
        : "No rules are loaded.\n") + s.error.message;
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
    $("#rules-status").textContent = s.fingerprint
      ? `${s.rules} rules from ${s.rulesDirectory}, fingerprint ${s.fingerprint.slice(0, 12)}…`
      : `No rules loaded from ${s.rulesDirectory}`;
    if (s.fingerprint && state.fingerprint && s.fingerprint !== state.fingerprint && state.base) {
      await loadRules();
      renderMatrix();
      refresh();
    }
  } catch (e) {
    $("#rules-status").textContent = `The server does not answer: ${e.message}`;
  }
}

// ---- scenarios --------------------------------------------------------------------------------------

async function loadScenarioList() {
  const list = await api("GET", "/api/scenarios");
  const select = $("#scenario-select");
  for (const s of list) {
    const label = s.error ? `${s.path} (unreadable)` : `${s.path}: ${s.title || s.id}`;
    select.append(el("option", { value: s.path, text: label, disabled: s.error ? "" : null }));
  }
}

async function pickScenario(path) {
  if (!path) return;
  try {
    const s = await api("GET", `/api/scenarios/${path.split("/").map(encodeURIComponent).join("/")}`);
    setBase(s);
  } catch (e) {
    showError(e.message);
  }
}

function upload(file) {
  if (!file) return;
  file.text().then((text) => {
    let s;
    try {
      s = JSON.parse(text);
    } catch (e) {
      showError(`${file.name}: not JSON: ${e.message}`);
      return;
    }
    if (!s || typeof s !== "object" || Array.isArray(s)) {
      showError(`${file.name}: expected a JSON object`);
      return;
    }
    $("#scenario-select").value = "";
    setBase(s);
  });
}

function setBase(s) {
  // The expect block states a published finding about the scenario as written; explored variants
  // make no such claim, so it is left out of every request and export.
  const base = structuredClone(s);
  delete base.expect;
  state.base = base;
  state.treatments = Array.isArray(base.treatments) ? structuredClone(base.treatments) : [];
  $("#scenario-title").textContent = `${base.id || "(no id)"}${base.title ? ": " + base.title : ""}`;
  for (const id of ["#reset-scenario", "#open-report", "#whynot-run"]) $(id).disabled = false;
  $("#whynot-result").replaceChildren();
  renderMatrix();
  refresh();
}

// ---- toggles ----------------------------------------------------------------------------------------

function renderMatrix() {
  const cells = Array.isArray(state.base.cells) ? state.base.cells.filter((c) => c && c.id) : [];
  const columns = [...cells.map((c) => ({ id: c.id, label: `on ${c.id}` })), { id: SYSTEM, label: "system-wide" }];
  const head = el("tr", {}, el("th", { scope: "col", text: "Agent" }));
  for (const c of columns) head.append(el("th", { scope: "col", text: c.label }));
  $("#toggle-matrix thead").replaceChildren(head);
  const now = new Set(state.treatments.map(key));
  const rows = state.agents.map((a) => {
    const row = el("tr", {}, el("th", { scope: "row" }, el("code", { text: a.name }), ` ${a.role}`));
    row.title = a.label;
    for (const c of columns) {
      const k = c.id === SYSTEM ? a.name : `${a.name}@${c.id}`;
      const box = el("input", {
        type: "checkbox", "data-agent": a.name, "data-cell": c.id,
        "aria-label": `${a.name} ${c.id === SYSTEM ? "in the whole system" : "on " + c.id}`,
      });
      box.checked = now.has(k);
      box.addEventListener("change", () => toggle(a.name, c.id, box.checked));
      row.append(el("td", {}, box));
    }
    return row;
  });
  $("#toggle-matrix tbody").replaceChildren(...rows);
}

function toggle(agent, cell, on) {
  const t = cell === SYSTEM ? { agent } : { agent, on: cell };
  state.treatments = state.treatments.filter((x) => key(x) !== key(t));
  if (on) state.treatments.push(t);
  refresh();
}

// ---- answers ----------------------------------------------------------------------------------------

async function refresh() {
  const seq = ++state.seq;
  document.body.dataset.state = "busy";   // tests and screen readers wait for "ready"
  const scenario = scenarioNow();
  updateExports(scenario);
  const edits = changes();
  try {
    const ev = await api("POST", "/api/evaluate", scenario);
    if (seq !== state.seq) return;
    showError(null);
    state.fingerprint = ev.rulesFingerprint;
    renderOutcome(ev);
    renderCells(ev);
    $("#graph").innerHTML = ev.graph;
    if (!edits.length) {
      $("#whatif").replaceChildren(el("p", { class: "muted", text: "No changes from the starting scenario." }));
    } else {
      const base = structuredClone(state.base);
      const req = { scenario: base, remove: edits.filter((e) => e.remove).map((e) => e.remove),
                    add: edits.filter((e) => e.add).map((e) => e.add) };
      const w = await api("POST", "/api/whatif", req);
      if (seq !== state.seq) return;
      renderWhatIf(w);
    }
    document.body.dataset.state = "ready";
  } catch (e) {
    if (seq !== state.seq) return;
    document.body.dataset.state = "error";
    showError(e.message);
  }
}

function renderOutcome(ev) {
  for (const f of state.outcomes.map((o) => o.name)) {
    const dd = $(`#outcome-${f}`);
    dd.textContent = ev.outcome[f];
    dd.dataset.level = ev.outcome[f];
  }
}

function renderCells(ev) {
  const rows = Object.entries(ev.cells).map(([id, c]) => {
    const binding = Object.entries(c.binding).map(([ab, lvl]) => `${ab} ${lvl}`).join(", ") || "–";
    const changed = c.cd38 !== c.cd38Baseline ? "changed" : null;
    return el("tr", { "data-cell": id },
      el("th", { scope: "row", text: id }),
      el("td", { text: c.type }),
      el("td", { text: c.line || "" }),
      el("td", { text: c.cd16 || "–" }),
      el("td", { text: c.cd38Baseline }),
      el("td", { id: `cell-${id}-cd38`, class: changed, "data-level": c.cd38, text: c.cd38 }),
      el("td", { id: `cell-${id}-fold`, text: `×${c.cd38Fold.toFixed(2)}` }),
      el("td", { text: binding }));
  });
  $("#cells-table tbody").replaceChildren(...rows);
}

const ARROW = { increased: "↑", decreased: "↓", unchanged: "=" };

function changeItem(c) {
  const cls = c.direction === "increased" ? "up" : c.direction === "decreased" ? "down" : null;
  return el("li", { "data-path": c.path, "data-direction": c.direction },
    el("code", { text: c.path }), ` ${c.from} → ${c.to} `,
    el("span", { class: cls, "aria-label": c.direction, text: ARROW[c.direction] || "" }));
}

function renderWhatIf(w) {
  const box = [];
  box.push(el("p", {}, "Edits: ", el("code", { text: w.edits.join(", ") })));
  const list = el("ul", { class: "changes", id: "whatif-outcome" });
  for (const c of w.changes.outcome.filter((c) => c.direction !== "unchanged")) list.append(changeItem(c));
  if (!list.children.length) list.append(el("li", { text: "No outcome changes." }));
  const cells = el("ul", { class: "changes", id: "whatif-cells" });
  for (const c of w.changes.cells.filter((c) => c.direction !== "unchanged")) cells.append(changeItem(c));
  if (!cells.children.length) cells.append(el("li", { text: "No cell changes." }));
  box.push(el("h3", { text: "Outcome" }), list, el("h3", { text: "Cells" }), cells);

  // before and after are the conclusion's sentence in the starting and the toggled scenario.
  for (const [kind, title] of [["added", "Inputs added"], ["removed", "Inputs removed"], ["gained", "Conclusions gained"],
                              ["lost", "Conclusions lost"], ["changed", "Conclusions changed"]]) {
    const items = w.changes.conclusions.filter((c) => c.change === kind);
    if (!items.length) continue;
    const ul = el("ul", { class: "changes", "data-change": kind });
    for (const c of items) {
      const text = c.before == null ? c.after : c.after == null ? c.before : `${c.before} → ${c.after}`;
      ul.append(el("li", { "data-id": c.id, text: text || c.id }));
    }
    box.push(el("h3", { text: title }), ul);
  }
  if (w.changes.chains.length) {
    const ul = el("ul", { class: "changes" });
    for (const ch of w.changes.chains) ul.append(el("li", { text: `${ch.outcome}: ${ch.text}` }));
    box.push(el("h3", { text: "Why" }), ul);
  }
  $("#whatif").replaceChildren(...box);
}

async function whyNot(event) {
  event.preventDefault();
  const out = $("#whynot-result");
  const agents = $("#whynot-agents").value.split(",").map((s) => s.trim()).filter(Boolean);
  const req = { scenario: scenarioNow(), goal: $("#whynot-goal").value, max: Number($("#whynot-max").value) };
  if (agents.length) req.agents = agents;
  out.replaceChildren(el("p", { class: "muted", text: "Searching…" }));
  try {
    const w = await api("POST", "/api/whynot", req);
    const parts = [el("p", { id: "whynot-summary", "data-met": String(w.met),
      text: w.met ? `${w.goal} already holds (now ${w.now}).` : `Why not ${w.goal}? Now: ${w.now}.` })];
    if (w.obstacles.length) {
      const ul = el("ul", { class: "changes" });
      for (const o of w.obstacles) ul.append(el("li", { text: `${o.text} [${o.change} by ${o.movedBy}]` }));
      parts.push(el("h3", { text: "What stands in the way" }), ul);
    }
    if (w.missing.length) {
      const ul = el("ul", { class: "changes" });
      for (const m of w.missing) {
        const why = m.unmet ? ` (rule "${m.rule}", condition ${m.unmet.condition} of ${m.unmet.of}: ${m.unmet.inWords})` : "";
        ul.append(el("li", { text: `${m.text}${why}` }));
      }
      parts.push(el("h3", { text: "What is missing" }), ul);
    }
    if (!w.met) {
      const ol = el("ol", { id: "whynot-solutions" });
      for (const s of w.solutions) {
        const o = s.outcome;
        const grades = state.outcomes.map((k) => `${k.label} ${o[k.name]}`).join(", ");
        ol.append(el("li", { text: `${s.added.join(" + ")} → ${grades}` }));
      }
      parts.push(el("h3", { text: `Smallest sets of added treatments (${w.evaluated} evaluated)` }),
        w.solutions.length ? ol : el("p", { text: `None of up to ${w.maxSize} added treatments reaches the goal.` }));
    }
    out.replaceChildren(...parts);
  } catch (e) {
    out.replaceChildren(el("p", { class: "banner", role: "alert", text: e.message }));
  }
}

function updateExports(scenario) {
  const json = JSON.stringify(scenario, null, 2) + "\n";
  if (state.exportUrl) URL.revokeObjectURL(state.exportUrl);
  state.exportUrl = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const a = $("#export-json");
  a.href = state.exportUrl;
  a.download = `${scenario.id || "scenario"}.json`;
  a.setAttribute("aria-disabled", "false");
  $("#report-scenario").value = json;
}

// ---- start ------------------------------------------------------------------------------------------

async function start() {
  $("#scenario-select").addEventListener("change", (e) => pickScenario(e.target.value));
  $("#scenario-upload").addEventListener("change", (e) => upload(e.target.files[0]));
  $("#reset-scenario").addEventListener("click", () => setBase(state.base));
  $("#whynot-form").addEventListener("submit", whyNot);
  await pollStatus();
  setInterval(pollStatus, 2000);
  try {
    await loadRules();
    await loadScenarioList();
    document.body.dataset.state = "loaded";
  } catch (e) {
    showError(e.message);
  }
}

document.addEventListener("DOMContentLoaded", start);
