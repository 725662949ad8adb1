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

function valueAt(doc, tokens) {
  return tokens.reduce((value, token) => (value === null || value === undefined ? undefined : value[token]), doc);
}

/**
 * The document after {@code operations}, and the paths they touched (an append to a list,
 * {@code /list/-}, as the index it took), for highlighting. Throws on an operation it cannot apply.
 */
export function applyPatch(doc, operations) {
  let result = doc;
  const touched = [];
  for (const operation of operations) {
    if (!["add", "replace", "remove"].includes(operation.op)) throw new Error(`unsupported op ${operation.op}`);
    const tokens = parsePointer(operation.path);
    let path = operation.path;
    if (tokens.length > 0 && tokens[tokens.length - 1] === "-") {
      const list = valueAt(result, tokens.slice(0, -1));
      if (Array.isArray(list)) path = `${operation.path.slice(0, -1)}${list.length}`;
    }
    result = applyOperation(result, tokens, operation.op, operation.value);
    touched.push(path);
  }
  return { document: result, touched };
}
