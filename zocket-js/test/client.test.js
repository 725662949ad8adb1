// The typed client against a real Java server (started by NodeClientTest, its URL in ZOCKET_URL),
// through a proxy that can cut connections. Type-checked against the declarations the processor
// generated from the test actor's contract (dev.zocket.js.Tally), like a web app would be.

import { test as nodeTest, before, after } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../src/zocket.js";
import { startProxy } from "./proxy.js";

/**
 * @typedef {import("zocket-test-types").Actors} Actors
 * @typedef {import("zocket-test-types").TallyActor["state"]} TallyState
 * @typedef {import("../src/zocket.js").ZocketClient<Actors>} Client
 */

const serverUrl = process.env.ZOCKET_URL;
if (!serverUrl) throw new Error("Set ZOCKET_URL to a Zocket server serving the tally actor (NodeClientTest does)");

/** @type {typeof WebSocket} */
const WebSocketImpl = globalThis.WebSocket ?? /** @type {any} */ ((await import("ws")).WebSocket);

/** @type {Awaited<ReturnType<typeof startProxy>>} */
let proxy;
/** @type {Client[]} */
const clients = [];

before(async () => {
  proxy = await startProxy(serverUrl);
});

after(async () => {
  for (const client of clients) client.close();
  await proxy.close();
});

/**
 * A typed client; through the proxy unless `direct`.
 * @param {{ direct?: boolean, resendOnReconnect?: boolean }} [options]
 * @returns {Client}
 */
function connect(options = {}) {
  const client = /** @type {Client} */ (createClient(options.direct ? /** @type {string} */ (serverUrl) : proxy.url, {
    WebSocket: WebSocketImpl,
    rpcTimeout: 15000,
    resendOnReconnect: options.resendOnReconnect,
    onError: () => {},
  }));
  clients.push(client);
  return client;
}

/**
 * Resolves with the first state the listener sees that satisfies `predicate`.
 * @param {import("../src/zocket.js").StateStore<TallyState>} store
 * @param {(state: TallyState) => boolean} predicate
 * @returns {Promise<TallyState>}
 */
function stateWhere(store, predicate) {
  return new Promise((resolve) => {
    const off = store.subscribe((state) => {
      if (predicate(state)) {
        queueMicrotask(() => off());
        resolve(state);
      }
    });
  });
}

/**
 * A test that fails, naming itself, rather than hanging when an awaited message never comes.
 * @param {string} name
 * @param {(t: import("node:test").TestContext) => Promise<void>} body
 */
function test(name, body) {
  nodeTest(name, { timeout: 30_000 }, body);
}

let instance = 0;
/** A fresh actor id per test, so tests do not see each other's sums. */
function freshId() {
  return `node-${process.pid}-${++instance}`;
}

test("calls answer typed results and carry an idempotency key", async () => {
  const tally = connect().actor("tally", freshId());

  assert.equal(await tally.call("add", { amount: 2 }), 2);
  assert.equal(await tally.methods.add({ amount: 3 }), 5);
  assert.equal(await tally.call("reset"), undefined);

  const adds = proxy.seen.toServer.filter((m) => m.type === "rpc" && m.actorId === tally.id);
  assert.equal(adds.length, 3);
  const keys = new Set(adds.map((m) => m.idempotencyKey));
  assert.equal(keys.size, 3, "a fresh key per call");
  for (const key of keys) assert.match(key, /^[0-9a-f-]{32,36}$/);
});

test("a call the server refuses rejects with its message and code", async () => {
  const tally = connect().actor("tally", freshId());

  await assert.rejects(tally.call("add", { amount: 0 }), (/** @type {any} */ error) => {
    assert.match(error.message, /^Validation failed for add/);
    assert.equal(error.code, "bad_request");
    return true;
  });
  const untyped = /** @type {import("../src/zocket.js").ActorHandle} */ (/** @type {unknown} */ (tally));
  await assert.rejects(untyped.call("subtract", { amount: 1 }), /Unknown method: subtract/);
});

test("events reach listeners with their typed payloads", async () => {
  const id = freshId();
  const listener = connect().actor("tally", id);
  /** @type {Promise<import("zocket-test-types").TallyActor["events"]["added"]>} */
  const added = new Promise((resolve) => listener.on("added", resolve));
  await proxy.find("toServer", (m) => m.type === "event:sub" && m.actorId === id);

  await connect({ direct: true }).actor("tally", id).call("add", { amount: 7 });

  const payload = await added;
  assert.equal(payload.total, 7);
  assert.equal(typeof payload.by, "string");
});

test("state arrives as a snapshot, then as patches", async () => {
  const id = freshId();
  const tally = connect().actor("tally", id);
  const empty = await stateWhere(tally.state, () => true);
  assert.deepEqual(empty, { total: 0, entries: [] });

  await tally.call("add", { amount: 4 });
  await tally.call("add", { amount: 6 });

  const state = await stateWhere(tally.state, (s) => s.total === 10);
  assert.deepEqual(state.entries.map((e) => e.amount), [4, 6]);
});

test("after the connection drops, the client reconnects and the state resumes from its version", async () => {
  const id = freshId();
  const client = connect();
  const tally = client.actor("tally", id);
  await tally.call("add", { amount: 1 });
  await stateWhere(tally.state, (s) => s.total === 1);
  const held = tally.state.version();

  const resubscribe = proxy.next("toServer", (m) => m.type === "state:sub" && m.actorId === id);
  proxy.down();
  await connect({ direct: true }).actor("tally", id).call("add", { amount: 2 }); // missed while away
  proxy.up();

  const state = await stateWhere(tally.state, (s) => s.total === 3);
  assert.deepEqual(state.entries.map((e) => e.amount), [1, 2]);
  assert.equal(client.status, "connected");
  const sub = await resubscribe;
  if (held !== null) assert.equal(sub.since, held, "resubscribes with the version it holds");
  assert.equal(await tally.call("add", { amount: 3 }), 6, "calls work on the new connection");
});

test("a call lost with the connection is sent again with the same key and runs once", async () => {
  const id = freshId();
  const tally = connect().actor("tally", id);
  await tally.call("add", { amount: 1 });

  proxy.hold("toServer");
  const call = tally.call("add", { amount: 10 });
  const first = await proxy.next("toServer", (m) => m.type === "rpc" && m.actorId === id && m.input.amount === 10);
  const resent = proxy.next("toServer", (m) => m.type === "rpc" && m.id === first.id && m !== first);
  proxy.dropAll();

  assert.equal(await call, 11);
  assert.equal((await resent).idempotencyKey, first.idempotencyKey);
  const state = await stateWhere(tally.state, (s) => s.total === 11);
  assert.deepEqual(state.entries.map((e) => e.amount), [1, 10]);
});

test("with resendOnReconnect false, a call in flight fails with code closed", async () => {
  const id = freshId();
  const tally = connect({ resendOnReconnect: false }).actor("tally", id);
  await tally.call("add", { amount: 1 });

  proxy.hold("toServer");
  const call = tally.call("add", { amount: 10 });
  await proxy.next("toServer", (m) => m.type === "rpc" && m.actorId === id && m.input.amount === 10);
  proxy.dropAll();

  await assert.rejects(call, (/** @type {any} */ error) => error.code === "closed");
});

test("a call whose answer was lost is answered from the server's record, not run again", async (t) => {
  if (!(await serverReplays())) {
    t.skip("this server does not answer repeated idempotency keys yet (issue 18)");
    return;
  }
  const id = freshId();
  const tally = connect().actor("tally", id);
  await tally.call("add", { amount: 1 });

  proxy.hold("toClient");
  const call = tally.call("add", { amount: 10 });
  await proxy.next("toClient", (m) => m.type === "rpc:result" && m.result === 11);
  const replay = proxy.next("toClient", (m) => m.type === "rpc:result" && m.replayed === true);
  proxy.dropAll();

  assert.equal(await call, 11);
  assert.equal((await replay).result, 11);
  const state = await stateWhere(tally.state, (s) => s.total === 11);
  assert.deepEqual(state.entries.map((e) => e.amount), [1, 10], "ran once");
});

/** Whether the server answers a repeated idempotency key with `replayed: true`. */
async function serverReplays() {
  const socket = new WebSocketImpl(/** @type {string} */ (serverUrl));
  /** @type {any[]} */
  const results = [];
  await new Promise((resolve, reject) => {
    socket.onopen = () => {
      const rpc = { type: "rpc", actor: "tally", actorId: freshId(), method: "reset", idempotencyKey: "probe" };
      socket.send(JSON.stringify({ ...rpc, id: "1" }));
      socket.send(JSON.stringify({ ...rpc, id: "2" }));
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data));
      if (message.type === "rpc:result") results.push(message);
      if (results.length === 2) resolve(undefined);
    };
    socket.onerror = () => reject(new Error("probe socket failed"));
  });
  socket.close();
  return results[1].replayed === true;
}
