// The client's side of resume and exactly-once calls, against a scripted server (a fake
// WebSocket), for what a real server may or may not do yet: patches after `since`, a gap in
// versions, a replayed answer, a conflict with the current version.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../src/zocket.js";

/** The sockets the client opened, newest last; each records what the client sent. */
class ScriptedSocket {
  static OPEN = 1;
  /** @type {ScriptedSocket[]} */
  static opened = [];

  /** @param {string} url */
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    /** @type {any[]} */
    this.sent = [];
    /** @type {((event?: any) => void) | null} */
    this.onopen = null;
    /** @type {((event: { data: string }) => void) | null} */
    this.onmessage = null;
    /** @type {((event: { code: number }) => void) | null} */
    this.onclose = null;
    /** @type {(() => void) | null} */
    this.onerror = null;
    ScriptedSocket.opened.push(this);
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.();
    });
  }

  /** @param {string} text */
  send(text) {
    this.sent.push(JSON.parse(text));
  }

  /** The server answers. @param {object} message */
  deliver(message) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  /** The connection drops. */
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }

  close() {
    this.drop();
  }

  /** @param {string} type */
  last(type) {
    return [...this.sent].reverse().find((m) => m.type === type);
  }
}

/** Waits until `check` holds, turning the event loop (timers included). @param {() => boolean} check */
async function until(check) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check(), "condition never held");
}

function scriptedClient() {
  ScriptedSocket.opened = [];
  return createClient("ws://scripted", {
    WebSocket: /** @type {any} */ (ScriptedSocket),
    rpcTimeout: 5000,
    onError: () => {},
  });
}

const address = { actor: "tally", actorId: "t1" };

test("after a reconnect, state:sub carries since and patches after it apply in order", async () => {
  const client = scriptedClient();
  const tally = client.actor("tally", "t1");
  /** @type {any[]} */
  const states = [];
  tally.state.subscribe((state) => states.push(state));
  await until(() => ScriptedSocket.opened.length === 1 && ScriptedSocket.opened[0].last("state:sub"));
  const first = ScriptedSocket.opened[0];
  assert.equal(first.last("state:sub").since, undefined, "a first subscription asks for a snapshot");
  first.deliver({ type: "state:snapshot", ...address, state: { total: 1, entries: [] }, version: 3 });

  first.drop();
  await until(() => ScriptedSocket.opened.length === 2 && ScriptedSocket.opened[1].last("state:sub"));
  const second = ScriptedSocket.opened[1];
  assert.equal(second.last("state:sub").since, 3);
  second.deliver({ type: "state:patch", ...address, patches: [{ op: "replace", path: "/total", value: 2 }], version: 4 });
  second.deliver({ type: "state:patch", ...address, patches: [{ op: "replace", path: "/total", value: 3 }], version: 5 });

  assert.deepEqual(states.map((s) => s.total), [1, 2, 3]);
  assert.equal(tally.state.version(), 5);
  client.close();
});

test("a gap in versions asks for a fresh snapshot, without since", async () => {
  const client = scriptedClient();
  const tally = client.actor("tally", "t1");
  tally.state.subscribe(() => {});
  await until(() => ScriptedSocket.opened.length === 1 && ScriptedSocket.opened[0].last("state:sub"));
  const socket = ScriptedSocket.opened[0];
  socket.deliver({ type: "state:snapshot", ...address, state: { total: 1 }, version: 3 });
  const subscriptions = socket.sent.filter((m) => m.type === "state:sub").length;

  socket.deliver({ type: "state:patch", ...address, patches: [{ op: "replace", path: "/total", value: 9 }], version: 5 });

  const resubscribe = socket.sent.filter((m) => m.type === "state:sub");
  assert.equal(resubscribe.length, subscriptions + 1);
  assert.equal(resubscribe[resubscribe.length - 1].since, undefined);
  assert.equal(tally.state.get().total, 1, "the patch after the gap is not applied");
  client.close();
});

test("a patch already held before the reconnect is skipped", async () => {
  const client = scriptedClient();
  const tally = client.actor("tally", "t1");
  tally.state.subscribe(() => {});
  await until(() => ScriptedSocket.opened.length === 1 && ScriptedSocket.opened[0].last("state:sub"));
  const socket = ScriptedSocket.opened[0];
  socket.deliver({ type: "state:snapshot", ...address, state: { total: 5 }, version: 5 });

  socket.deliver({ type: "state:patch", ...address, patches: [{ op: "replace", path: "/total", value: 4 }], version: 4 });

  assert.equal(tally.state.get().total, 5);
  assert.equal(tally.state.version(), 5);
  client.close();
});

test("a call in flight when the socket drops goes out again with its key, and a replayed answer settles it", async () => {
  const client = scriptedClient();
  const tally = client.actor("tally", "t1");
  await until(() => ScriptedSocket.opened.length === 1 && ScriptedSocket.opened[0].readyState === 1);
  const call = tally.call("add", { amount: 10 });
  const first = ScriptedSocket.opened[0].last("rpc");
  assert.equal(typeof first.idempotencyKey, "string");

  ScriptedSocket.opened[0].drop();
  await until(() => ScriptedSocket.opened.length === 2 && ScriptedSocket.opened[1].last("rpc"));
  const again = ScriptedSocket.opened[1].last("rpc");
  assert.equal(again.id, first.id);
  assert.equal(again.idempotencyKey, first.idempotencyKey);
  ScriptedSocket.opened[1].deliver({ type: "rpc:result", id: again.id, result: 11, replayed: true });

  assert.equal(await call, 11);
  client.close();
});

test("baseVersion goes on the call, and a conflict rejects with the current version", async () => {
  const client = scriptedClient();
  const tally = client.actor("tally", "t1");
  await until(() => ScriptedSocket.opened.length === 1 && ScriptedSocket.opened[0].readyState === 1);
  const call = tally.call("add", { amount: 1 }, { baseVersion: 7, idempotencyKey: "mine" });
  const sent = ScriptedSocket.opened[0].last("rpc");
  assert.equal(sent.baseVersion, 7);
  assert.equal(sent.idempotencyKey, "mine");

  ScriptedSocket.opened[0].deliver({ type: "rpc:result", id: sent.id, error: "Version conflict", code: "conflict", version: 9 });

  await assert.rejects(call, (/** @type {any} */ error) => error.code === "conflict" && error.version === 9);
  client.close();
});
