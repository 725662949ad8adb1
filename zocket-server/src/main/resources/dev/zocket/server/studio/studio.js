// Zocket Studio's page: reads the server over /studio/api/ and watches one instance live over
// the protocol itself, on a WebSocket opened with a one-use ticket (docs/studio.md).
import { applyPatch } from "./patch.js";
import { renderTree, treeState } from "./tree.js";
import { Bars, LineChart } from "./charts.js";

const TOKEN_KEY = "zocket-studio-token";
const $ = (id) => document.getElementById(id);

let token = sessionStorage.getItem(TOKEN_KEY);
let actors = [];
let selected = null; // { actor, id, state, version, tree }
let socket = null;
let nextCallId = 1;
const pendingCalls = new Map();

class Refused extends Error {
  constructor(status, reason) { super(reason); this.status = status; }
}

async function api(path, method = "GET") {
  // Always a header: without a token, Studio still wants one, which other sites' pages cannot add.
  const headers = { Authorization: `Bearer ${token || "-"}` };
  const response = await fetch(`/studio/api/${path}`, { method, headers });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401 || response.status === 403) throw new Refused(response.status, body.error || "refused");
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function cell(row, content) {
  const td = document.createElement("td");
  if (content instanceof Node) td.append(content); else td.textContent = content;
  row.append(td);
  return td;
}

function ago(millis) {
  if (millis < 1000) return `${millis} ms`;
  if (millis < 60000) return `${Math.round(millis / 1000)} s`;
  return `${Math.round(millis / 60000)} min`;
}

function describeType(type) {
  if (type === null || type === undefined) return "none";
  if (typeof type === "string") return type;
  if (type.enum) return type.enum.map((c) => JSON.stringify(c)).join(" | ");
  if (type.list) return `list of ${describeType(type.list)}`;
  if (type.map) return `map of ${describeType(type.map)}`;
  if (type.optional) return `optional ${describeType(type.optional)}`;
  if (type.ref) return type.ref;
  if (type.record) return `${type.record} { ${Object.entries(type.fields).map(([k, v]) => `${k}: ${describeType(v)}`).join(", ")} }`;
  return JSON.stringify(type);
}

function example(type) {
  if (type === null || type === undefined) return null;
  if (type === "string") return "";
  if (type === "number") return 0;
  if (type === "boolean") return false;
  if (type.enum) return type.enum[0];
  if (type.list) return [];
  if (type.map) return {};
  if (type.optional) return null;
  if (type.record) return Object.fromEntries(Object.entries(type.fields).map(([k, v]) => [k, example(v)]));
  return null;
}

// ------------------------------------------------------------------ panels

function showActors() {
  const container = $("actors");
  container.replaceChildren();
  for (const actor of actors) {
    const details = document.createElement("details");
    details.className = "actor";
    const summary = document.createElement("summary");
    summary.textContent = `${actor.name}${actor.views ? " (views)" : ""}`;
    const live = document.createElement("span");
    live.className = "muted live-count";
    live.dataset.actor = actor.name;
    summary.append(" ", live);
    const list = document.createElement("ul");
    const line = (label, text) => {
      const item = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = text;
      item.append(document.createTextNode(label), code);
      list.append(item);
    };
    for (const method of actor.methods) line(`${method.name}(): `, `${describeType(method.input)} → ${describeType(method.result)}`);
    for (const event of actor.events) line(`event ${event.name}: `, describeType(event.payload));
    line("state: ", describeType(actor.state));
    details.append(summary, list);
    container.append(details);
  }
}

async function refreshInstances() {
  const query = encodeURIComponent($("instance-search").value.trim());
  const body = await api(`instances?q=${query}`);
  $("instance-count").textContent = `(${body.total})`;
  for (const label of document.querySelectorAll(".live-count")) {
    const count = body.instances.filter((i) => i.actor === label.dataset.actor).length;
    label.textContent = query === "" ? `${count} live` : `${count} matching`;
  }
  const rows = body.instances.map((instance) => {
    const row = document.createElement("tr");
    row.dataset.actor = instance.actor;
    row.dataset.id = instance.id;
    if (selected && selected.actor === instance.actor && selected.id === instance.id) row.classList.add("selected");
    cell(row, instance.actor);
    cell(row, instance.id);
    cell(row, String(instance.version));
    cell(row, String(instance.connections));
    cell(row, ago(instance.idleMillis));
    row.addEventListener("click", () => select(instance.actor, instance.id));
    return row;
  });
  $("instances").tBodies[0].replaceChildren(...rows);
}

async function refreshConnections() {
  const body = await api("connections");
  $("connection-count").textContent = `(${body.connections.length})`;
  $("connections").tBodies[0].replaceChildren(...body.connections.map((connection) => {
    const row = document.createElement("tr");
    cell(row, connection.clientId + (connection.studio ? " (studio)" : ""));
    cell(row, connection.userId ?? "—");
    const subscriptions = [...connection.stateSubscriptions.map((k) => `state ${k}`),
      ...connection.eventSubscriptions.map((k) => `events ${k}`)];
    cell(row, subscriptions.join(", ") || "—");
    cell(row, `${connection.bufferedBytes} B`);
    cell(row, ago(connection.ageMillis));
    return row;
  }));
}

// ------------------------------------------------------------------ metrics

const charts = {};
let lastSample = null;

function setUpCharts() {
  const container = $("charts");
  charts.connections = new LineChart(container, "connections", "");
  charts.rpcRate = new LineChart(container, "RPC rate", "/s");
  charts.latency = new LineChart(container, "RPC mean latency", "ms");
  charts.patches = new LineChart(container, "patches out", "/s");
  charts.errors = new Bars(container, "errors by code (since start)");
}

async function refreshMetrics() {
  const sample = await api("metrics");
  charts.connections.push(sample.connections);
  if (lastSample) {
    const seconds = Math.max(0.001, (sample.time - lastSample.time) / 1000);
    const calls = sample.rpcCount - lastSample.rpcCount;
    charts.rpcRate.push(calls / seconds);
    charts.latency.push(calls > 0 ? (sample.rpcTotalMillis - lastSample.rpcTotalMillis) / calls : 0);
    charts.patches.push((sample.patchesSent - lastSample.patchesSent) / seconds);
  }
  const errors = { ...sample.rpcByOutcome };
  delete errors.ok;
  if (sample.malformedMessages > 0) errors.malformed = sample.malformedMessages;
  charts.errors.show(errors);
  lastSample = sample;
}

// ------------------------------------------------------------------ one instance, live

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

async function connect() {
  const { ticket, parameter } = await api("ticket", "POST");
  const { wsPort } = await (await fetch("/zocket.json")).json();
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.hostname}:${wsPort}/?${parameter}=${encodeURIComponent(ticket)}`);
  socket.addEventListener("open", () => {
    $("live").textContent = "live";
    $("live").className = "badge on";
    if (selected) subscribe(selected);
  });
  socket.addEventListener("close", () => {
    $("live").textContent = "offline";
    $("live").className = "badge off";
    socket = null;
    setTimeout(() => connect().catch(showProblem), 2000);
  });
  socket.addEventListener("message", (frame) => receive(JSON.parse(frame.data)));
}

function receive(message) {
  const current = selected && message.actor === selected.actor && message.actorId === selected.id;
  switch (message.type) {
    case "state:snapshot":
      if (current) { selected.state = message.state; selected.version = message.version; selected.tree.changed = []; showState(); }
      break;
    case "state:patch":
      if (current) {
        const { document, touched } = applyPatch(selected.state, message.patches);
        selected.state = document;
        selected.version = message.version;
        selected.tree.changed = touched;
        showState();
        historySoon();
      }
      break;
    case "event":
      if (current) addEvent(message);
      break;
    case "rpc:result":
      pendingCalls.get(message.id)?.(message);
      pendingCalls.delete(message.id);
      break;
    case "error":
      $("call-result").textContent = `${message.code}: ${message.message}`;
      break;
    default:
      break;
  }
}

function showState() {
  $("state-version").textContent = `version ${selected.version ?? "?"}`;
  renderTree($("state-tree"), selected.state, selected.tree);
}

function addEvent(message) {
  const item = document.createElement("li");
  item.textContent = `${new Date().toLocaleTimeString()} ${message.event} ${JSON.stringify(message.payload ?? null)}`;
  const log = $("events");
  log.prepend(item);
  while (log.children.length > 50) log.lastChild.remove();
}

function subscribe(instance) {
  send({ type: "state:sub", actor: instance.actor, actorId: instance.id });
  send({ type: "event:sub", actor: instance.actor, actorId: instance.id });
}

function unsubscribe(instance) {
  send({ type: "state:unsub", actor: instance.actor, actorId: instance.id });
  send({ type: "event:unsub", actor: instance.actor, actorId: instance.id });
}

async function select(actor, id) {
  if (selected) unsubscribe(selected);
  history.replaceState(null, "", `#${encodeURIComponent(actor)}/${encodeURIComponent(id)}`);
  selected = { actor, id, state: null, version: null, tree: treeState() };
  $("instance-title").textContent = `${actor} / ${id}`;
  $("instance-detail").hidden = false;
  $("state-tree").replaceChildren();
  $("events").replaceChildren();
  $("call-result").textContent = "";
  const type = actors.find((a) => a.name === actor);
  $("call-method").replaceChildren(...(type ? type.methods : []).map((method) => {
    const option = document.createElement("option");
    option.value = method.name;
    option.textContent = method.name;
    return option;
  }));
  fillExample();
  subscribe(selected);
  for (const row of $("instances").tBodies[0].rows) {
    row.classList.toggle("selected", row.dataset.actor === actor && row.dataset.id === id);
  }
  await refreshHistory();
}

function fillExample() {
  const type = actors.find((a) => a.name === selected?.actor);
  const method = type?.methods.find((m) => m.name === $("call-method").value);
  const input = method ? example(method.input) : null;
  $("call-input").value = input === null ? "" : JSON.stringify(input, null, 1);
}

async function refreshHistory() {
  const instance = selected;
  const body = await api(`history?actor=${encodeURIComponent(instance.actor)}&id=${encodeURIComponent(instance.id)}&limit=50`);
  if (instance !== selected) return;
  $("history-source").textContent = body.source === "store" ? "(from the store)" : "(in memory)";
  const rows = body.changes.map((change) => {
    const row = document.createElement("tr");
    cell(row, String(change.version));
    cell(row, new Date(change.time).toLocaleTimeString());
    cell(row, change.caller ?? "—");
    cell(row, change.method ?? "—");
    const patch = document.createElement("code");
    patch.textContent = describePatch(change.patch);
    cell(row, patch).className = "patch";
    return row;
  });
  if (rows.length === 0) {
    const row = document.createElement("tr");
    cell(row, "no recorded changes").colSpan = 5;
    rows.push(row);
  }
  $("history").tBodies[0].replaceChildren(...rows);
}

/** One line per operation: "replace /phase "drawing"". Stored logs may spell ops in capitals. */
function describePatch(operations) {
  if (!Array.isArray(operations)) return JSON.stringify(operations);
  return operations.map((operation) => {
    const value = operation.value === undefined ? "" : ` ${JSON.stringify(operation.value)}`;
    const line = `${String(operation.op).toLowerCase()} ${operation.path}${value}`;
    return line.length > 160 ? `${line.slice(0, 157)}...` : line;
  }).join("\n");
}

let historyTimer = null;

/** Refreshes the history soon after patches arrive, at most once a second. */
function historySoon() {
  if (historyTimer !== null) return;
  historyTimer = setTimeout(() => {
    historyTimer = null;
    if (selected) refreshHistory().catch(showProblem);
  }, 1000);
}

function call(event) {
  event.preventDefault();
  if (!selected) return;
  const text = $("call-input").value.trim();
  let input;
  try {
    input = text === "" ? undefined : JSON.parse(text);
  } catch (malformed) {
    $("call-result").textContent = `The input is not JSON: ${malformed.message}`;
    return;
  }
  const id = `studio-${nextCallId++}`;
  const message = { type: "rpc", id, actor: selected.actor, actorId: selected.id, method: $("call-method").value };
  if (input !== undefined) message.input = input;
  pendingCalls.set(id, (result) => {
    const failed = result.error !== undefined;
    $("call-result").className = failed ? "error" : "ok";
    $("call-result").textContent = failed
      ? `${result.code}: ${result.error}`
      : `ok ${JSON.stringify(result.result ?? null)}`;
    refreshHistory().catch(showProblem);
    refreshInstances().catch(showProblem);
  });
  $("call-result").className = "";
  $("call-result").textContent = "calling…";
  send(message);
}

async function passivate() {
  if (!selected) return;
  const instance = selected;
  try {
    await api(`passivate?actor=${encodeURIComponent(instance.actor)}&id=${encodeURIComponent(instance.id)}`, "POST");
    $("call-result").className = "ok";
    $("call-result").textContent = "passivation queued (see the audit log for its outcome)";
  } catch (failed) {
    $("call-result").className = "error";
    $("call-result").textContent = failed.message;
  }
  setTimeout(() => refreshInstances().then(() => {
    const live = [...$("instances").tBodies[0].rows]
      .some((row) => row.dataset.actor === instance.actor && row.dataset.id === instance.id);
    if (!live && selected === instance) {
      $("instance-title").textContent = `${instance.actor} / ${instance.id} (passivated: select it again to reactivate)`;
    }
  }).catch(showProblem), 300);
}

// ------------------------------------------------------------------ start

function showProblem(problem) {
  if (problem instanceof Refused) {
    stopPolling();
    $("studio").hidden = true;
    if (problem.status === 401) {
      $("login").hidden = false;
      $("login-error").textContent = token ? "Wrong token" : "";
    } else {
      $("refused").hidden = false;
      $("refused-reason").textContent = problem.message;
    }
    return;
  }
  console.warn("Studio:", problem);
}

let timers = [];

function stopPolling() {
  timers.forEach(clearInterval);
  timers = [];
}

async function start() {
  let session;
  try {
    session = await api("session");
  } catch (problem) {
    showProblem(problem);
    return;
  }
  $("login").hidden = true;
  $("studio").hidden = false;
  $("operator").textContent = `${session.operator}${session.protectedByToken ? "" : " (loopback only)"}`;
  actors = (await api("actors")).actors;
  showActors();
  setUpCharts();
  const poll = (task, millis) => {
    task().catch(showProblem);
    timers.push(setInterval(() => task().catch(showProblem), millis));
  };
  poll(refreshInstances, 2000);
  poll(refreshConnections, 2000);
  poll(refreshMetrics, 1000);
  await connect();
  // A link to one instance, /studio/#draw/room-1, opens it.
  const [actor, id] = location.hash.slice(1).split("/").map(decodeURIComponent);
  if (actor && id && !selected) select(actor, id).catch(showProblem);
}

$("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  token = $("token-input").value;
  sessionStorage.setItem(TOKEN_KEY, token);
  $("token-input").value = "";
  start();
});
$("call-form").addEventListener("submit", call);
$("call-method").addEventListener("change", fillExample);
$("passivate-button").addEventListener("click", passivate);
$("instance-search").addEventListener("input", () => refreshInstances().catch(showProblem));
start();
