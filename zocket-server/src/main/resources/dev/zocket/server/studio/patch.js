// Applies the JSON Patch operations the server sends (add, replace, remove) to a plain value,
// copying only the objects along each path, so the previous value stays as it was.

function parsePointer(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function withChild(container, token, op, value) {
  if (Array.isArray(container)) {
    const copy = container.slice();
    const index = token === "-" ? copy.length : Number(token);
    if (op === "add") copy.splice(index, 0, value);
    else if (op === "remove") copy.splice(index, 1);
    else copy[index] = value;
    return copy;
  }
  const copy = { ...container };
  if (op === "remove") delete copy[token];
  else copy[token] = value;
  return copy;
}

function applyOperation(doc, tokens, op, value) {
  if (tokens.length === 0) return value;
  const [head, ...rest] = tokens;
  if (rest.length === 0) return withChild(doc, head, op, value);
  return withChild(doc, head, "replace", applyOperation(doc[head], rest, op, value));
}

/** The document after {@code operations}; throws on an operation it cannot apply. */
export function applyPatch(doc, operations) {
  let result = doc;
  for (const operation of operations) {
    if (!["add", "replace", "remove"].includes(operation.op)) throw new Error(`unsupported op ${operation.op}`);
    result = applyOperation(result, parsePointer(operation.path), operation.op, operation.value);
  }
  return result;
}

/** The paths an operation list touches, for highlighting. */
export function touchedPaths(operations) {
  return operations.map((operation) => operation.path);
}
