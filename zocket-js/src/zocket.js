// A small client for the Zocket wire protocol, for browsers and Node. No dependencies, no build step.
//
//   const client = createClient("ws://localhost:3001", { onStatus: s => console.log(s) });
//   const room = client.actor("draw", "room-1");
//   const { playerId } = await room.call("join", { name: "Ann" });
//   const off = room.on("correctGuess", ({ name, word }) => ...);
//   const unsubscribe = room.state.subscribe(state => render(state));
//
// It knows nothing about particular actors: every method, event and state shape goes through
// the same few messages (rpc, event:sub, state:sub and their answers). Its types are in
// zocket.d.ts; with the declarations the Zocket processor generates from Java contracts, every
// method name, input, result, event and state above is checked by TypeScript.
//
// Exactly-once calls: every call carries an `idempotencyKey`. A call whose answer was lost with
// the socket is sent again with the same key after reconnecting (until its timeout), and the
// server answers a repeated key with the stored outcome (`replayed: true`) instead of running
// it twice. State resumes: after a reconnect, `state:sub` carries `since`, the version held, and
// the server sends only the patches after it.

const BACKOFF_MS = [250, 500, 1000, 2000]; // then 2 s for every further attempt

/** @type {import("./zocket.js").createClient} */
export function createClient(url, options = {}) {
  const rpcTimeout = options.rpcTimeout ?? 10000; // covers waiting for the socket too; 0 = none
  const reconnect = options.reconnect ?? true;
  const resendOnReconnect = options.resendOnReconnect ?? true;
  const log = options.onError ?? ((message) => console.warn("[zocket]", message));
  const WebSocketImpl = options.WebSocket ?? globalThis.WebSocket;

  let socket = null;
  /** @type {import("./zocket.js").Status} */
  let status = "connecting";
  let attempt = 0; // failed connection attempts since the last successful open
  let reconnectTimer = null;
  let closed = false;
  let rpcCounter = 0;
  let clientId = null;

  const statusListeners = new Set(options.onStatus ? [options.onStatus] : []);
  /** @type {Map<string, PendingCall>} */
  const pending = new Map(); // rpc id -> the call, until its answer, timeout or failure
  const handles = new Map(); // "actor/id" -> handle internals

  function setStatus(next) {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  }

  function isOpen() {
    return socket !== null && socket.readyState === WebSocketImpl.OPEN;
  }

  function send(message) {
    if (isOpen()) socket.send(JSON.stringify(message));
  }

  // ---- connection -------------------------------------------------------------------------

  function connect() {
    reconnectTimer = null;
    const ws = new WebSocketImpl(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus("connected");
      // The server forgets subscriptions with the connection: tell it again what we listen to.
      for (const handle of handles.values()) handle.resubscribe();
      // Calls made while the socket was down go out now.
      for (const call of pending.values()) {
        if (!call.sent) {
          call.sent = true;
          ws.send(call.frame);
        }
      }
    };
    ws.onmessage = (event) => receive(event.data);
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      // Calls already on the wire may or may not have run. By default they go out again, with the
      // same idempotency key, once the socket is back: the server runs each key at most once.
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        if (resendOnReconnect && reconnect && !closed) call.sent = false;
        else settle(id, null, Object.assign(new Error("WebSocket closed"), { code: "closed" }));
      }
      if (closed || !reconnect) {
        setStatus("disconnected");
        return;
      }
      setStatus("reconnecting");
      const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
      attempt++;
      const jitter = Math.random() * base * 0.25;
      log(`socket closed (${event.code}); reconnecting in ${Math.round(base + jitter)} ms`);
      reconnectTimer = setTimeout(connect, base + jitter);
    };
    ws.onerror = () => {}; // a close event always follows; it does the work
  }

  function receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      log("unreadable message from server");
      return;
    }
    switch (message.type) {
      case "welcome":
        clientId = message.clientId;
        break;
      case "rpc:result":
        // `replayed: true` marks the stored outcome of a call sent twice: it is the call's answer all the same.
        if (message.error !== undefined) {
          const error = Object.assign(new Error(message.error), { code: message.code, version: undefined });
          if (typeof message.version === "number") error.version = message.version;
          settle(message.id, null, error);
        } else {
          settle(message.id, message.result);
        }
        break;
      case "event":
      case "state:snapshot":
      case "state:patch":
        handles.get(key(message.actor, message.actorId))?.receive(message);
        break;
      case "error":
        log(`${message.code}: ${message.message} (${message.request ?? "?"} ${message.actor ?? ""}/${message.actorId ?? ""})`);
        break;
      default:
        log(`unknown message type ${message.type}`);
    }
  }

  function settle(id, result, error) {
    const call = pending.get(id);
    if (!call) return; // timed out already
    pending.delete(id);
    clearTimeout(call.timer);
    if (error) call.reject(error);
    else call.resolve(result);
  }

  // ---- RPC --------------------------------------------------------------------------------

  /** @param {CallOptions} [callOptions] */
  function call(actor, actorId, method, input, callOptions = {}) {
    if (closed) return Promise.reject(new Error("Client is closed"));
    const id = `rpc_${++rpcCounter}_${Date.now().toString(36)}`;
    /** @type {Record<string, unknown>} */
    const message = { type: "rpc", id, actor, actorId, method };
    if (input !== undefined) message.input = input;
    message.idempotencyKey = callOptions.idempotencyKey ?? randomKey();
    if (callOptions.baseVersion !== undefined) message.baseVersion = callOptions.baseVersion;
    return new Promise((resolve, reject) => {
      /** @type {PendingCall} */
      const entry = { method, frame: JSON.stringify(message), sent: false, resolve, reject, timer: undefined };
      if (rpcTimeout > 0) {
        entry.timer = setTimeout(() => {
          settle(id, null, Object.assign(new Error(`Call "${method}" got no answer within ${rpcTimeout} ms`),
            { code: "timeout" }));
        }, rpcTimeout);
      }
      pending.set(id, entry);
      if (isOpen()) {
        entry.sent = true;
        socket.send(entry.frame);
      } // otherwise it waits in `pending` and goes out on the next open
    });
  }

  // ---- actor handles ----------------------------------------------------------------------

  function key(actor, actorId) {
    return `${actor}/${actorId}`;
  }

  function createHandle(actor, actorId) {
    const address = { actor, actorId };
    const eventListeners = new Map(); // event name -> Set of listeners
    const stateListeners = new Set();
    let eventCount = 0; // listeners over all events; event:sub while > 0
    let state; // undefined until the first snapshot
    /** @type {number | null} */
    let version = null;
    let awaitingSnapshot = false;
    let refs = 0;

    /** Asks for the whole state: patches are ignored until the snapshot. */
    function requestSnapshot() {
      awaitingSnapshot = true;
      send({ type: "state:sub", ...address });
    }

    /**
     * After a reconnect: asks for what changed since the version held. The server answers with
     * the patches after it (accepted while their versions run on) or a snapshot.
     */
    function resume() {
      if (state === undefined || version === null) {
        requestSnapshot();
        return;
      }
      awaitingSnapshot = false;
      send({ type: "state:sub", ...address, since: version });
    }

    function publish(next) {
      state = next;
      for (const listener of stateListeners) listener(next);
    }

    function receive(message) {
      if (message.type === "event") {
        for (const listener of eventListeners.get(message.event) ?? []) listener(message.payload);
      } else if (message.type === "state:snapshot") {
        if (stateListeners.size === 0) return;
        awaitingSnapshot = false;
        version = message.version ?? null;
        publish(message.state);
      } else if (message.type === "state:patch") {
        if (stateListeners.size === 0 || awaitingSnapshot) return;
        if (version !== null && typeof message.version !== "number") {
          log(`state ${actor}/${actorId}: patch without a version after versioned state; resubscribing`);
          requestSnapshot();
          return;
        }
        if (version !== null && message.version <= version) return; // already applied before the reconnect
        if (version !== null && message.version !== version + 1) {
          log(`state ${actor}/${actorId}: expected version ${version + 1}, got ${message.version}; resubscribing`);
          requestSnapshot();
          return;
        }
        let next;
        try {
          next = applyPatch(state, message.patches);
        } catch (error) {
          log(`state ${actor}/${actorId}: ${error instanceof Error ? error.message : error}; resubscribing`);
          requestSnapshot();
          return;
        }
        version = message.version ?? version;
        publish(next);
      }
    }

    const handle = {
      name: actor,
      id: actorId,
      /** @type {(method: string, input?: unknown, options?: CallOptions) => Promise<any>} */
      call: (method, input, callOptions) => call(actor, actorId, method, input, callOptions),
      /** The methods by name: `handle.methods.join(input)` is `handle.call("join", input)`. */
      methods: new Proxy({}, {
        get: (_, method) => typeof method === "string"
          ? (/** @type {unknown} */ input, /** @type {CallOptions | undefined} */ callOptions) =>
              call(actor, actorId, method, input, callOptions)
          : undefined,
      }),

      /** Listens to one event; returns the function that stops listening. */
      on(event, listener) {
        if (!eventListeners.has(event)) eventListeners.set(event, new Set());
        const listeners = eventListeners.get(event);
        if (listeners.has(listener)) return () => {};
        listeners.add(listener);
        if (eventCount++ === 0) send({ type: "event:sub", ...address });
        return () => {
          if (!listeners.delete(listener)) return;
          if (--eventCount === 0) send({ type: "event:unsub", ...address });
        };
      },

      state: {
        get: () => state,
        /** The version of the state held, or null before the first snapshot or from a server without versions. */
        version: () => version,
        /** Calls the listener with every new state (at once if one is known); returns unsubscribe. */
        subscribe(listener) {
          stateListeners.add(listener);
          if (stateListeners.size === 1) requestSnapshot();
          else if (state !== undefined) listener(state);
          return () => {
            if (!stateListeners.delete(listener) || stateListeners.size > 0) return;
            send({ type: "state:unsub", ...address });
            state = undefined;
            version = null;
          };
        },
      },

      /** Gives the handle back; the last holder's dispose unsubscribes everything. */
      dispose() {
        if (--refs > 0) return;
        if (eventCount > 0) send({ type: "event:unsub", ...address });
        if (stateListeners.size > 0) send({ type: "state:unsub", ...address });
        eventListeners.clear();
        stateListeners.clear();
        eventCount = 0;
        state = undefined;
        handles.delete(key(actor, actorId));
      },
    };

    return {
      handle,
      receive,
      retain() {
        refs++;
        return handle;
      },
      resubscribe() {
        if (eventCount > 0) send({ type: "event:sub", ...address });
        if (stateListeners.size > 0) resume();
      },
    };
  }

  connect();

  return {
    get status() {
      return status;
    },
    get clientId() {
      return clientId;
    },
    /** Listens to status changes; returns the function that stops listening. */
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    /** The handle of one actor instance, shared by everyone who asks for the same one. */
    actor(name, id) {
      const k = key(name, id);
      if (!handles.has(k)) handles.set(k, createHandle(name, id));
      return handles.get(k).retain();
    },
    /** Closes for good: no more reconnects; pending calls fail. */
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      for (const id of [...pending.keys()]) settle(id, null, new Error("Client is closed"));
      handles.clear();
      if (socket) socket.close(1000);
      else setStatus("disconnected");
    },
  };
}

/** A unique key per call: the server runs each key at most once per actor instance. */
function randomKey() {
  const crypto = globalThis.crypto;
  if (crypto && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto && typeof crypto.getRandomValues === "function") crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * @typedef {{ idempotencyKey?: string, baseVersion?: number }} CallOptions
 * @typedef {{ method: string, frame: string, sent: boolean, resolve: (value: any) => void,
 *   reject: (error: Error) => void, timer: ReturnType<typeof setTimeout> | undefined }} PendingCall
 */

// ---- JSON Patch (RFC 6902), applied without mutating the input --------------------------

function parsePointer(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`bad JSON Pointer ${pointer}`);
  return pointer.slice(1).split("/").map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Returns a copy of `container` with `token` set (add/replace) or removed (value undefined). */
function withChild(container, token, op, value) {
  if (Array.isArray(container)) {
    const copy = container.slice();
    const index = token === "-" ? copy.length : Number(token);
    if (!Number.isInteger(index) || index < 0 || index > copy.length) throw new Error(`bad array index ${token}`);
    if (op === "add") copy.splice(index, 0, value);
    else if (index === copy.length) throw new Error(`no element at ${token}`);
    else if (op === "replace") copy[index] = value;
    else copy.splice(index, 1);
    return copy;
  }
  if (container === null || typeof container !== "object") throw new Error(`cannot ${op} inside a ${typeof container}`);
  if (op !== "add" && !Object.hasOwn(container, token)) throw new Error(`no member ${token} to ${op}`);
  const copy = { ...container };
  if (op === "remove") delete copy[token];
  // defineProperty, not assignment: a member named "__proto__" must stay plain data
  else Object.defineProperty(copy, token, { value, writable: true, enumerable: true, configurable: true });
  return copy;
}

/** Applies one operation along its path, copying only the objects on the way. */
function applyOperation(doc, tokens, op, value) {
  if (tokens.length === 0) {
    if (op === "remove") throw new Error("cannot remove the whole document");
    return value;
  }
  const [head, ...rest] = tokens;
  if (rest.length === 0) return withChild(doc, head, op, value);
  const child = doc !== null && typeof doc === "object" && Object.hasOwn(doc, head) ? doc[head] : undefined;
  if (child === undefined) throw new Error(`no value at ${head}`);
  return withChild(doc, head, "replace", applyOperation(child, rest, op, value));
}

export function applyPatch(doc, patches) {
  let result = doc;
  for (const patch of patches) {
    if (patch.op !== "add" && patch.op !== "replace" && patch.op !== "remove") {
      throw new Error(`unsupported patch op ${patch.op}`);
    }
    result = applyOperation(result, parsePointer(patch.path), patch.op, patch.value);
  }
  return result;
}
