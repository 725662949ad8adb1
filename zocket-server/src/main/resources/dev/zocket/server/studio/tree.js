// Renders a JSON value as a collapsible tree, built with DOM calls only (state holds user text).

const LARGE = 20;

function leaf(value) {
  const span = document.createElement("span");
  if (typeof value === "string") {
    span.className = "string";
    span.textContent = JSON.stringify(value);
  } else if (typeof value === "number") {
    span.className = "number";
    span.textContent = String(value);
  } else {
    span.className = "literal";
    span.textContent = String(value);
  }
  return span;
}

function node(key, value, path, state) {
  const item = document.createElement("li");
  item.dataset.path = path;
  if (path !== "" && state.changed.includes(path)) {
    item.classList.add("changed");
  }
  const label = document.createElement("span");
  label.className = "key";
  label.textContent = key === null ? "" : `${key}: `;
  if (value === null || typeof value !== "object") {
    item.append(label, leaf(value));
    return item;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const details = document.createElement("details");
  details.open = state.open.has(path) || (!state.closed.has(path) && entries.length <= LARGE);
  details.addEventListener("toggle", () => {
    if (details.open) { state.open.add(path); state.closed.delete(path); } else { state.closed.add(path); state.open.delete(path); }
  });
  const summary = document.createElement("summary");
  const size = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  summary.append(label, document.createTextNode(size));
  const list = document.createElement("ul");
  for (const [childKey, childValue] of entries) {
    list.append(node(childKey, childValue, `${path}/${childKey.replace(/~/g, "~0").replace(/\//g, "~1")}`, state));
  }
  details.append(summary, list);
  item.append(details);
  return item;
}

/** Keeps which branches the user opened or closed across re-renders of one instance's state. */
export function treeState() {
  return { open: new Set([""]), closed: new Set(), changed: [] };
}

/** Replaces {@code container}'s content with the tree of {@code value}. */
export function renderTree(container, value, state) {
  const root = document.createElement("ul");
  root.append(node(null, value, "", state));
  container.replaceChildren(root);
}
