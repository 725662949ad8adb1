// Types of zocket.js. Hand-written; the actor types come from the declarations the Zocket
// annotation processor generates from the Java contracts (an `Actors` interface mapping each
// actor name to its state, methods and events).
//
//   import type { Actors } from "./types/index.js";
//   const client = createClient<Actors>("ws://localhost:3001");
//   const room = client.actor("draw", "room-1");           // ActorHandle<DrawingRoomActor>
//   const { playerId } = await room.call("join", { name: "Ann" });
//   room.on("correctGuess", ({ name, word }) => ...);
//   room.state.subscribe((state) => state.players);

/** What the generated `<Contract>Actor` interfaces look like. */
export interface ActorShape {
  name: string;
  state: unknown;
  methods: object;
  events: object;
}

/** The actor of an untyped client: any name, method, event and state. */
export interface UntypedActor {
  name: string;
  state: any;
  methods: { [method: string]: (input?: any) => any };
  events: { [event: string]: any };
}

/** Actor names to actor types, as the generated `Actors` interface declares them. */
export type ActorMap = { [name: string]: ActorShape };

export type Status = "connecting" | "connected" | "reconnecting" | "disconnected";

export interface ClientOptions {
  /** Milliseconds a call may take, waiting for the socket included; 0 waits forever. Default 10000. */
  rpcTimeout?: number;
  /** Whether to reconnect, with backoff 250 ms → 2 s and jitter, when the socket drops. Default true. */
  reconnect?: boolean;
  /**
   * Whether calls in flight when the socket drops are sent again, with the same idempotency key,
   * after reconnecting (the server runs each key once). Default true; false fails them with
   * code `closed`, the behaviour of the original client.
   */
  resendOnReconnect?: boolean;
  /** Called with every status change. */
  onStatus?: (status: Status) => void;
  /** Called with problems that have no caller to fail: unreadable messages, resubscriptions. */
  onError?: (message: string) => void;
  /** The WebSocket constructor, for a runtime without a global one. */
  WebSocket?: typeof WebSocket;
}

export interface CallOptions {
  /** Replaces the random key the client gives every call; the server runs each key at most once. */
  idempotencyKey?: string;
  /**
   * The state version the call expects: when the instance is at another version, nothing runs
   * and the call fails with code `conflict` and the current `version`.
   */
  baseVersion?: number;
}

/** Why a call failed. */
export interface ZocketError extends Error {
  /**
   * `bad_request`, `not_found`, `forbidden`, `conflict`, `overloaded`, `internal_error`,
   * `timeout` (from the server or the client's rpcTimeout), `closed` (the socket dropped and the
   * call is not resent), or undefined from a server that sends no codes.
   */
  code?: string;
  /** With `conflict`: the instance's current state version. */
  version?: number;
}

/** A method's input, as the arguments of `call` after the method name. */
export type CallArguments<M> = M extends (...args: infer P) => any
  ? P extends []
    ? [input?: undefined, options?: CallOptions]
    : [input: P[0], options?: CallOptions]
  : never;

/** A method's result, as the promise `call` returns resolves it; `void` methods resolve to undefined. */
export type CallResult<M> = M extends (...args: any[]) => infer R ? R : never;

type MethodsOf<A extends ActorShape> = A["methods"];

export interface StateStore<S> {
  /** The latest state, or undefined before the first snapshot. */
  get(): S | undefined;
  /** The version of the state held, or null before the first snapshot or from a server without versions. */
  version(): number | null;
  /** Calls the listener with every new state (at once if one is known); returns the unsubscribe function. */
  subscribe(listener: (state: S) => void): () => void;
}

export interface ActorHandle<A extends ActorShape = UntypedActor> {
  readonly name: A["name"];
  readonly id: string;
  /** Calls a method; resolves with its result or rejects with a {@link ZocketError}. */
  call<K extends keyof MethodsOf<A> & string>(
    method: K,
    ...args: CallArguments<MethodsOf<A>[K]>
  ): Promise<CallResult<MethodsOf<A>[K]>>;
  /** The methods by name: `handle.methods.join(input)` is `handle.call("join", input)`. */
  readonly methods: {
    [K in keyof MethodsOf<A> & string]: (
      ...args: CallArguments<MethodsOf<A>[K]>
    ) => Promise<CallResult<MethodsOf<A>[K]>>;
  };
  /** Listens to one event; returns the function that stops listening. */
  on<E extends keyof A["events"] & string>(event: E, listener: (payload: A["events"][E]) => void): () => void;
  /** The instance's state, subscribed while it has listeners; resumed from its version after a reconnect. */
  readonly state: StateStore<A["state"]>;
  /** Gives the handle back; the last holder's dispose unsubscribes everything. */
  dispose(): void;
}

export interface ZocketClient<Actors extends object = { [name: string]: UntypedActor }> {
  readonly status: Status;
  /** The id the server gave this connection (`welcome`), or null before it. */
  readonly clientId: string | null;
  /** Listens to status changes; returns the function that stops listening. */
  onStatus(listener: (status: Status) => void): () => void;
  /** The handle of one actor instance, shared by everyone who asks for the same one. */
  actor<N extends keyof Actors & string>(
    name: N,
    id: string,
  ): ActorHandle<Actors[N] extends ActorShape ? Actors[N] : never>;
  /** Closes for good: no more reconnects; pending calls fail. */
  close(): void;
}

/** Connects to a Zocket server, `ws://host:port`, and keeps the connection up. */
export function createClient<Actors extends object = { [name: string]: UntypedActor }>(
  url: string,
  options?: ClientOptions,
): ZocketClient<Actors>;

/** One RFC 6902 operation of the kinds Zocket servers send. */
export interface PatchOperation {
  op: "add" | "replace" | "remove";
  path: string;
  value?: unknown;
}

/** Applies `patches` to `doc` without changing it; throws on an operation that does not fit. */
export function applyPatch<T>(doc: T, patches: PatchOperation[]): T;
