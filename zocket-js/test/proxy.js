// A TCP proxy between the client under test and the Java server that can drop every connection
// and refuse new ones for a while (to the client, the server went away), hold back what either side sends, and read the
// WebSocket text frames passing through, so tests can see the messages on the wire.

import net from "node:net";

/**
 * @typedef {{ type: string, [key: string]: any }} WireMessage
 * @typedef {"toServer" | "toClient"} Direction
 */

/** @param {string} serverUrl the Java server, `ws://127.0.0.1:port` */
export async function startProxy(serverUrl) {
  const target = new URL(serverUrl);
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  /** @type {Record<Direction, WireMessage[]>} */
  const seen = { toServer: [], toClient: [] };
  /** @type {Array<{ direction: Direction, predicate: (m: WireMessage) => boolean, resolve: (m: WireMessage) => void }>} */
  const waiters = [];
  /** @type {Record<Direction, boolean>} */
  const holding = { toServer: false, toClient: false };

  /** @param {Direction} direction @param {WireMessage} message */
  function record(direction, message) {
    seen[direction].push(message);
    for (const waiter of [...waiters]) {
      if (waiter.direction === direction && waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }

  let refusing = false;

  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const toServer = frameReader((text) => record("toServer", JSON.parse(text)));
    const toClient = frameReader((text) => record("toClient", JSON.parse(text)));
    let handshakeDone = false; // the server's HTTP 101 answer comes before any frame
    client.on("data", (data) => {
      if (handshakeDone) toServer(data);
      if (!holding.toServer) upstream.write(data);
    });
    upstream.on("data", (data) => {
      let frames = data;
      if (!handshakeDone) {
        const end = data.indexOf("\r\n\r\n");
        handshakeDone = true;
        frames = data.subarray(end + 4);
      }
      if (frames.length > 0) toClient(frames);
      if (!holding.toClient) client.write(data);
    });
    for (const [socket, other] of [[client, upstream], [upstream, client]]) {
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        other.destroy();
      });
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {net.AddressInfo} */ (server.address());

  return {
    url: `ws://127.0.0.1:${address.port}`,
    seen,
    /** Stops forwarding in one direction (what is sent is read, then lost). @param {Direction} direction */
    hold(direction) {
      holding[direction] = true;
    },
    /** Cuts every connection and refuses new ones until {@link up}: the server is away. */
    down() {
      refusing = true;
      this.dropAll();
    },
    /** Accepts connections again. */
    up() {
      refusing = false;
    },
    /** Cuts every connection without a WebSocket close, and forwards again. */
    dropAll() {
      for (const socket of sockets) socket.destroy();
      holding.toServer = false;
      holding.toClient = false;
    },
    /**
     * The first message in `direction` matching `predicate`, seen already or still to come.
     * @param {Direction} direction
     * @param {(m: WireMessage) => boolean} predicate
     * @returns {Promise<WireMessage>}
     */
    find(direction, predicate) {
      const found = seen[direction].find(predicate);
      return found ? Promise.resolve(found) : this.next(direction, predicate);
    },
    /**
     * The next message in `direction` matching `predicate`, not one seen already.
     * @param {Direction} direction
     * @param {(m: WireMessage) => boolean} predicate
     * @returns {Promise<WireMessage>}
     */
    next(direction, predicate) {
      return new Promise((resolve) => waiters.push({ direction, predicate, resolve }));
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * Reads WebSocket frames from a byte stream and hands each text frame's text to `onText`.
 * Enough for the small unfragmented frames of these tests: masked or not, 7- or 16-bit lengths.
 * @param {(text: string) => void} onText
 */
function frameReader(onText) {
  let buffer = Buffer.alloc(0);
  return (/** @type {Buffer} */ data) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0] & 0x0f;
      const masked = (buffer[1] & 0x80) !== 0;
      let length = buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const mask = masked ? buffer.subarray(offset, offset + 4) : null;
      if (masked) offset += 4;
      if (buffer.length < offset + length) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + length));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
      buffer = buffer.subarray(offset + length);
      if (opcode === 1) onText(payload.toString("utf8"));
    }
  };
}
