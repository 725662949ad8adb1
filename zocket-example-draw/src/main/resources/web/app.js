// The draw & guess page: one `draw` actor per room, reached through zocket.js.
// Everything shown comes from the actor's state; this file only renders it and turns clicks,
// pointer moves and form submits into calls.

import { createClient } from "./zocket.js";

// Types only, checked by tsc in the build (tsconfig.json): the draw actor's state, methods and
// events as the Zocket processor declares them from the Java contract dev.zocket.example.draw.DrawingRoom.
/**
 * @typedef {import("zocket-draw-types").Actors} Actors
 * @typedef {import("zocket-draw-types").DrawingRoomActor} DrawActor
 * @typedef {DrawActor["state"]} Game
 * @typedef {import("./zocket.js").ZocketClient<Actors>} Client
 * @typedef {import("./zocket.js").ActorHandle<DrawActor>} DrawHandle
 */

const BOARD_WIDTH = 800; // logical drawing space, shared by every client
const BOARD_HEIGHT = 600;
const SEND_EVERY_MS = 100; // while the pointer is down, a stroke chunk goes out this often
const MAX_POINTS_PER_STROKE = 2000; // the server's limit
const TIMER_EVERY_MS = 250;
// The player's name lives in sessionStorage, which is per tab: a reload rejoins as the same
// player, while a second tab (or window) starts at the join form as a player of its own.
const NAME_KEY = "zocket-draw:name";
/** @type {Array<[string, string]>} */
const COLORS = [
  ["#1f2937", "Ink"], ["#ef4444", "Red"], ["#f97316", "Orange"], ["#eab308", "Yellow"],
  ["#22c55e", "Green"], ["#3b82f6", "Blue"], ["#a855f7", "Purple"], ["#92400e", "Brown"],
  ["#ffffff", "Eraser"],
];
/** @type {Array<[number, string]>} */
const WIDTHS = [[4, "Fine"], [10, "Medium"], [24, "Thick"]];

/** @type {(id: string) => any} the page's elements; their kinds are the HTML's business */
const $ = (id) => document.getElementById(id);

// ---- room and connection ----------------------------------------------------------------

const room = roomFromHash();
if (location.hash !== `#${encodeURIComponent(room)}`) {
  history.replaceState(null, "", `#${encodeURIComponent(room)}`);
}
window.addEventListener("hashchange", () => location.reload()); // a different room: start afresh

function roomFromHash() {
  let name = "";
  try {
    name = decodeURIComponent(location.hash.slice(1)).trim();
  } catch {
    // a malformed %-escape: fall back to the default room
  }
  return name ? name.slice(0, 64) : "room-1";
}

// Local view state; the game itself lives in `game` (the actor's state).
/**
 * @type {{ game: Game | null, me: { playerId: string, name: string } | null, joinedOn: string | null,
 *   joining: boolean, ended: { round: number, reason: string } | null,
 *   startError: { message: string, players: number } | null, tool: { color: string, width: number } }}
 */
const ui = {
  game: null,
  me: null, // { playerId, name } once joined
  joinedOn: null, // the connection (client id) the seat was taken on
  joining: false,
  ended: null, // { round, reason }: how the last round without a winner ended
  startError: null, // { message, players }: why the last start failed, until the room changes
  tool: { color: COLORS[0][0], width: WIDTHS[1][0] },
};

/** @type {Client | null} */
let client = null; // the connection
/** @type {DrawHandle | null} */
let draw = null; // the actor handle

async function start() {
  showRoom();
  setupJoinForm();
  setupSeat();
  setupBoard();
  setupToolbar();
  setupGame();
  renderConnection("connecting");
  setInterval(renderTimer, TIMER_EVERY_MS);

  const wsPort = await discoverWebSocketPort();
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  // The cast gives the client the generated types: every actor name, method, input and result.
  client = /** @type {Client} */ (createClient(`${scheme}://${location.hostname}:${wsPort}`, {
    onStatus: (status) => {
      renderConnection(status);
      // The server drops a player whose connection closes: take the seat again on reconnect.
      if (status === "connected" && ui.me) join(ui.me.name, { quiet: true });
    },
  }));
  draw = client.actor("draw", room);
  draw.state.subscribe((state) => {
    ui.game = state;
    render();
  });
  draw.on("correctGuess", ({ name, word }) => {
    if (ui.me && name === ui.me.name) toast(`You guessed ${word}! +10 points`, "success");
    else toast(`${name} guessed ${word}!`, "success");
  });
  draw.on("roundEnded", ({ word, reason }) => {
    ui.ended = { round: ui.game ? ui.game.round : 0, reason };
    toast(reason === "timeUp" ? `Time's up! The word was ${word}` : `Round skipped. The word was ${word}`, "info");
    render();
  });

  const saved = sessionStorage.getItem(NAME_KEY);
  if (saved) {
    $("name-input").value = saved;
    join(saved);
  }
}

/** The page and the WebSocket are on different ports; the server says which. */
async function discoverWebSocketPort() {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch("/zocket.json", { cache: "no-store" });
      if (response.ok) return (await response.json()).wsPort;
    } catch {
      // the server is not up yet: try again below
    }
    renderConnection("reconnecting");
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 250 * 2 ** attempt)));
  }
}

// ---- joining ----------------------------------------------------------------------------

function setupJoinForm() {
  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("name-input").value.trim();
    if (name) join(name);
  });
  $("new-room").addEventListener("click", (event) => {
    event.preventDefault();
    location.hash = `room-${Math.random().toString(36).slice(2, 7)}`;
  });
}

async function join(name, { quiet = false } = {}) {
  if (ui.joining) return;
  ui.joining = true;
  $("join-button").disabled = true;
  showError("join-error", "");
  try {
    const { playerId } = await draw.call("join", { name });
    ui.me = { playerId, name };
    ui.joinedOn = client.clientId;
    sessionStorage.setItem(NAME_KEY, name);
    render();
  } catch (error) {
    if (quiet) toast(`Could not rejoin: ${error.message}`, "error");
    else showError("join-error", friendly(error));
  } finally {
    ui.joining = false;
    $("join-button").disabled = false;
  }
}

function friendly(error) {
  if (error.code === "bad_request") return "Please use a name of 1 to 40 characters.";
  return error.message;
}

// ---- the player's seat: rename, leave ------------------------------------------------------

function setupSeat() {
  $("rename-button").addEventListener("click", () => showRenameForm($("rename-form").hidden));
  $("rename-form").addEventListener("submit", (event) => {
    event.preventDefault();
    rename($("rename-input").value.trim());
  });
  $("rename-form").addEventListener("keydown", (event) => {
    if (event.key === "Escape") showRenameForm(false);
  });
  $("leave-button").addEventListener("click", leave);
}

function showRenameForm(open) {
  $("rename-form").hidden = !open;
  $("rename-button").setAttribute("aria-expanded", String(open));
  showError("rename-error", "");
  if (open) {
    $("rename-input").value = ui.me ? ui.me.name : "";
    $("rename-input").select();
  }
}

async function rename(name) {
  if (!name || !ui.me) return;
  if (name === ui.me.name) {
    showRenameForm(false);
    return;
  }
  $("rename-save").disabled = true;
  try {
    await draw.call("rename", { name });
    ui.me.name = name;
    sessionStorage.setItem(NAME_KEY, name);
    showRenameForm(false);
  } catch (error) {
    showError("rename-error", friendly(error));
  } finally {
    $("rename-save").disabled = false;
  }
}

async function leave() {
  if (!ui.me) return;
  const name = ui.me.name;
  $("leave-button").disabled = true;
  try {
    await draw.call("leave");
  } catch (error) {
    // "conflict" means the seat is already gone (the server dropped it); leave all the same
    if (error.code !== "conflict") {
      toast(`Could not leave: ${error.message}`, "error");
      return;
    }
  } finally {
    $("leave-button").disabled = false;
  }
  forgetSeat();
  $("name-input").value = name;
  render();
}

function forgetSeat() {
  finishStroke();
  showRenameForm(false);
  ui.me = null;
  ui.joinedOn = null;
  sessionStorage.removeItem(NAME_KEY);
}

/**
 * Joining with a name that is already playing takes that seat over (that is how a reload keeps
 * its score). When another tab does that to this one's seat, this tab is no longer that player.
 */
function seatTakenElsewhere(me) {
  return Boolean(me) && !ui.joining && ui.joinedOn !== null && ui.joinedOn === client.clientId
    && me.connectionId !== ui.joinedOn;
}

// ---- game actions -----------------------------------------------------------------------

function setupGame() {
  $("start-button").addEventListener("click", async () => {
    const button = $("start-button");
    button.disabled = true;
    ui.startError = null;
    try {
      await draw.call("startRound");
    } catch (error) {
      ui.startError = { message: error.message, players: ui.game ? ui.game.players.length : 0 };
    } finally {
      button.disabled = false;
      render();
    }
  });

  $("skip-button").addEventListener("click", async () => {
    const button = $("skip-button");
    button.disabled = true;
    try {
      await draw.call("skipRound");
    } catch (error) {
      toast(error.message, "error");
    } finally {
      button.disabled = false;
    }
  });

  $("guess-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = $("guess-input");
    const text = input.value.trim();
    if (!text || !ui.me) return;
    input.value = "";
    try {
      const { correct } = await draw.call("guess", { playerId: ui.me.playerId, text });
      if (!correct) shake(input);
    } catch (error) {
      toast(error.message, "error");
    }
  });

  for (const id of ["copy-link", "copy-invite"]) {
    $(id).addEventListener("click", copyInviteLink);
  }
}

async function copyInviteLink() {
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
  } catch {
    // The async clipboard needs a secure context (https or localhost); fall back to the old way.
    const scratch = el("textarea");
    scratch.value = link;
    document.body.append(scratch);
    scratch.select();
    const copied = document.execCommand("copy");
    scratch.remove();
    if (!copied) {
      toast(`Share this link: ${link}`, "info");
      return;
    }
  }
  toast("Invite link copied", "info");
}

// ---- rendering --------------------------------------------------------------------------

function showRoom() {
  $("room-name").textContent = room;
  $("join-room").textContent = room;
  $("invite-link").value = location.href;
  document.title = `${room} · Draw & Guess`;
}

function render() {
  const game = ui.game;
  if (game && ui.me && seatTakenElsewhere(game.players.find((p) => p.id === ui.me.playerId))) {
    forgetSeat();
    $("name-input").value = ""; // joining again under that name would take the seat back
    toast("You joined under this name in another window, so this one left the game.", "info");
  }
  const view = ui.me ? "game" : "join";
  document.body.dataset.view = view;
  $("join-view").hidden = view !== "join";
  $("game-view").hidden = view !== "game";
  if (!game) return;

  const me = ui.me && game.players.find((p) => p.id === ui.me.playerId);
  const drawer = game.players.find((p) => p.id === game.drawerId);
  const isDrawer = Boolean(me && drawer && me.id === drawer.id && game.phase === "drawing");
  document.body.dataset.phase = game.phase;
  document.body.dataset.role = !me ? "none" : isDrawer ? "drawer" : "guesser";

  renderJoinPlayers(game);
  renderPlayers(game, me);
  renderPrompt(game, drawer, isDrawer);
  renderGuesses(game, me);
  renderBoard(game, drawer, isDrawer);
  renderTimer();
}

/** The time left in the round, counted down to the server's `roundEndsAt`. */
function renderTimer() {
  const game = ui.game;
  const timer = $("timer");
  const running = Boolean(game) && game.phase === "drawing" && game.roundEndsAt > 0;
  timer.hidden = !running;
  if (!running) return;
  // Clamped to the round's length, so a clock that is off only freezes or shortens the display.
  const total = game.roundSeconds * 1000;
  const left = Math.max(0, Math.min(total, game.roundEndsAt - Date.now()));
  const seconds = Math.ceil(left / 1000);
  $("timer-text").textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  timer.dataset.seconds = String(seconds);
  timer.classList.toggle("timer-low", seconds <= 10);
}

function renderJoinPlayers(game) {
  const list = $("join-players");
  list.replaceChildren(...game.players.map((player) => {
    const item = el("li", "mini-player");
    item.append(avatar(player), el("span", "", player.name));
    return item;
  }));
  $("join-empty").hidden = game.players.length > 0;
}

function renderPlayers(game, me) {
  $("player-count").textContent = String(game.players.length);
  $("players-empty").hidden = game.players.length > 0;
  const best = Math.max(0, ...game.players.map((p) => p.score));
  $("player-list").replaceChildren(...game.players.map((player) => {
    const item = el("li", best > 0 && player.score === best ? "player player-leading" : "player");
    item.dataset.name = player.name;
    item.dataset.score = String(player.score);
    const who = el("div", "player-who");
    who.append(el("span", "player-name", player.name));
    const tags = el("div", "player-tags");
    if (me && player.id === me.id) tags.append(el("span", "tag tag-you", "you"));
    if (player.id === game.drawerId && game.phase === "drawing") tags.append(el("span", "tag tag-drawer", "drawing"));
    who.append(tags);
    const score = el("span", "player-score");
    score.append(el("strong", "", String(player.score)), el("small", "", " pts"));
    item.append(avatar(player), who, score);
    return item;
  }));
}

function renderPrompt(game, drawer, isDrawer) {
  const pill = $("phase-pill");
  const gameOver = game.phase === "roundEnd" && game.round >= game.maxRounds;
  pill.dataset.phase = game.phase;
  pill.textContent = { lobby: "Lobby", drawing: "Drawing", roundEnd: gameOver ? "Game over" : "Round over" }[game.phase];
  $("round-label").textContent = game.round > 0 ? `Round ${game.round} / ${game.maxRounds}` : `${game.maxRounds} rounds`;

  let caption = "";
  let message = "";
  let detail = "";
  const enoughPlayers = game.players.length >= 2;
  if (game.phase === "lobby") {
    caption = game.round > 0 ? "Round cancelled" : `Up next: round 1 of ${game.maxRounds}`;
    message = enoughPlayers ? "Ready to play" : "Waiting for players…";
    detail = !enoughPlayers ? "One more player needed. Share the invite link!"
      : game.round > 0 ? "The drawer left. Start the next round when you are ready."
        : "Anyone can start. Players take turns drawing.";
  } else if (game.phase === "drawing") {
    caption = isDrawer ? "Your word. Draw it!" : `${drawer ? drawer.name : "Someone"} is drawing`;
    detail = isDrawer ? "No letters or numbers, that would be cheating."
      : `${(game.hint.match(/_/g) || []).length} letters`;
  } else {
    const winner = [...game.guesses].reverse().find((g) => g.correct);
    caption = gameOver ? "Game over" : "Round over. The word was";
    if (gameOver) {
      const best = Math.max(0, ...game.players.map((p) => p.score));
      const leaders = game.players.filter((p) => p.score === best).map((p) => p.name);
      message = leaders.length === 1 ? `${leaders[0]} wins!`
        : leaders.length > 1 ? `It's a tie: ${leaders.join(" & ")}` : "Game over";
      detail = `The last word was “${game.word}”. Start again for a new game.`;
    } else {
      message = game.word;
      detail = winner ? `${winner.name} guessed it.` : howItEnded(game, drawer);
    }
  }

  $("prompt-caption").textContent = caption;
  $("word").hidden = !isDrawer;
  $("word").textContent = isDrawer ? game.word : "";
  const showHint = game.phase === "drawing" && !isDrawer;
  $("hint").hidden = !showHint;
  $("hint").textContent = showHint ? game.hint : "";
  $("prompt-message").hidden = game.phase === "drawing";
  $("prompt-message").textContent = message;
  $("prompt-detail").textContent = detail;

  $("skip-button").hidden = !isDrawer;
  const startButton = $("start-button");
  startButton.hidden = game.phase === "drawing";
  startButton.textContent = gameOver ? "New game" : game.round > 0 ? "Next round" : "Start round";
  if (ui.startError && (game.phase === "drawing" || game.players.length !== ui.startError.players)) {
    ui.startError = null;
  }
  showError("start-error", ui.startError ? ui.startError.message : "");
}

function howItEnded(game, drawer) {
  const reason = ui.ended && ui.ended.round === game.round ? ui.ended.reason : null;
  if (reason === "skipped") return `${drawer ? drawer.name : "The drawer"} skipped it.`;
  if (reason === "timeUp") return "Time ran out. Nobody guessed it.";
  return "Nobody guessed it.";
}

function renderGuesses(game, me) {
  const colors = new Map(game.players.map((p) => [p.id, p.color]));
  const log = $("guess-log");
  log.replaceChildren(...game.guesses.map((guess) => {
    const item = el("li", guess.correct ? "guess guess-correct" : "guess");
    const name = el("span", "guess-name", guess.name);
    name.style.color = colors.get(guess.playerId) ?? "inherit";
    item.append(name, el("span", "guess-text", guess.correct ? "guessed the word!" : guess.text));
    return item;
  }));
  log.scrollTop = log.scrollHeight;
  $("guesses-empty").hidden = game.guesses.length > 0;
  $("guesses-empty").textContent = game.phase === "drawing" ? "No guesses yet. Be the first!" : "Guesses appear here during a round.";

  const input = $("guess-input");
  const canGuess = Boolean(me) && game.phase === "drawing" && game.drawerId !== me.id;
  input.disabled = !canGuess;
  $("guess-button").disabled = !canGuess;
  input.placeholder = canGuess ? "Type your guess…"
    : { lobby: "No round yet", drawing: "You are drawing", roundEnd: "Round over" }[game.phase];
}

// ---- the board --------------------------------------------------------------------------

const board = { canvas: null, context: null, scale: 1, rendered: [], renderedRound: -1 };
let stroke = null; // the stroke under the pointer: { points, color, width, sentAny, timer }

function setupBoard() {
  const canvas = $("board");
  board.canvas = canvas;
  board.context = canvas.getContext("2d");
  new ResizeObserver(resizeBoard).observe(canvas);

  canvas.addEventListener("pointerdown", (event) => {
    if (!canDraw() || event.button > 0) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    const point = toBoard(event);
    stroke = { points: [point], color: ui.tool.color, width: ui.tool.width, sentAny: false, timer: null };
    stroke.timer = setInterval(() => sendStroke(false), SEND_EVERY_MS);
    paintStroke({ points: [point], color: stroke.color, width: stroke.width });
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!stroke) return;
    const moves = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
    for (const move of moves.length ? moves : [event]) {
      const point = toBoard(move);
      const last = stroke.points[stroke.points.length - 1];
      if (last[0] === point[0] && last[1] === point[1]) continue;
      stroke.points.push(point);
      paintStroke({ points: [last, point], color: stroke.color, width: stroke.width }); // show it at once
      if (stroke.points.length >= MAX_POINTS_PER_STROKE) sendStroke(false);
    }
  });
  for (const type of ["pointerup", "pointercancel", "lostpointercapture"]) {
    canvas.addEventListener(type, () => finishStroke());
  }
}

function canDraw() {
  return document.body.dataset.role === "drawer";
}

/** Pointer position in board coordinates, rounded to one decimal. */
function toBoard(event) {
  const rect = board.canvas.getBoundingClientRect();
  const clamp = (value, max) => Math.min(max, Math.max(0, Math.round(value * 10) / 10));
  return [
    clamp(((event.clientX - rect.left) / rect.width) * BOARD_WIDTH, BOARD_WIDTH),
    clamp(((event.clientY - rect.top) / rect.height) * BOARD_HEIGHT, BOARD_HEIGHT),
  ];
}

/**
 * Sends what was drawn since the last chunk. The next chunk starts at this chunk's last point,
 * so the line has no gaps. A click without movement is sent as a one-point stroke (a dot).
 */
function sendStroke(final) {
  if (!stroke) return;
  const { points } = stroke;
  const dot = final && !stroke.sentAny && points.length === 1;
  if (points.length < 2 && !dot) return;
  const chunk = { points, color: stroke.color, width: stroke.width };
  stroke.points = [points[points.length - 1]];
  stroke.sentAny = true;
  draw.call("draw", { stroke: chunk }).catch((error) => toast(`Stroke lost: ${error.message}`, "error"));
}

function finishStroke() {
  if (!stroke) return;
  sendStroke(true);
  clearInterval(stroke.timer);
  stroke = null;
}

function setupToolbar() {
  for (const [color, label] of COLORS) {
    const button = toolButton("swatch", label, () => { ui.tool.color = color; });
    button.dataset.color = color;
    button.style.setProperty("--swatch", color);
    $("swatches").append(button);
  }
  for (const [width, label] of WIDTHS) {
    const button = toolButton("width-option", label, () => { ui.tool.width = width; });
    button.dataset.width = String(width);
    const dot = el("span", "width-dot");
    dot.style.setProperty("--size", `${Math.min(22, width + 2)}px`);
    button.append(dot);
    $("widths").append(button);
  }
  renderToolbar();
}

/** A radio-like toolbar button that applies `choose` and redraws the toolbar. */
function toolButton(className, label, choose) {
  const button = el("button", className);
  button.type = "button";
  button.title = label;
  button.setAttribute("role", "radio");
  button.setAttribute("aria-label", label);
  button.addEventListener("click", () => {
    choose();
    renderToolbar();
  });
  return button;
}

function renderToolbar() {
  for (const button of $("swatches").children) {
    button.setAttribute("aria-checked", String(button.dataset.color === ui.tool.color));
  }
  for (const button of $("widths").children) {
    button.setAttribute("aria-checked", String(Number(button.dataset.width) === ui.tool.width));
    button.style.setProperty("--dot", ui.tool.color === "#ffffff" ? "#cbd5e1" : ui.tool.color);
  }
}

function renderBoard(game, drawer, isDrawer) {
  if (!isDrawer) finishStroke();
  $("toolbar").hidden = !isDrawer;
  board.canvas.classList.toggle("can-draw", isDrawer);
  board.canvas.dataset.strokes = String(game.strokes.length);
  paintState(game);

  let overlay = "";
  if (game.phase === "lobby") {
    overlay = game.players.length < 2 ? "The board opens when two players are here." : "Start a round to begin drawing.";
  } else if (game.phase === "drawing" && game.strokes.length === 0) {
    overlay = isDrawer ? "Start drawing here!" : `Waiting for ${drawer ? drawer.name : "the drawer"} to draw…`;
  }
  $("board-overlay").hidden = !overlay;
  $("board-overlay-text").textContent = overlay;
}

/**
 * Paints the strokes in the state. Strokes only get appended during a round, and patches keep
 * unchanged strokes as the same objects, so usually only the new ones need painting.
 */
function paintState(game) {
  const strokes = game.strokes;
  const previous = board.rendered;
  const appended = board.renderedRound === game.round && strokes.length >= previous.length
    && (previous.length === 0 || strokes[previous.length - 1] === previous[previous.length - 1]);
  if (!appended) clearBoard();
  for (let i = appended ? previous.length : 0; i < strokes.length; i++) paintStroke(strokes[i]);
  board.rendered = strokes;
  board.renderedRound = game.round;
}

function clearBoard() {
  const { context, canvas } = board;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.setTransform(board.scale, 0, 0, board.scale, 0, 0);
}

function paintStroke({ points, color, width }) {
  const context = board.context;
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineWidth = width;
  context.lineCap = "round";
  context.lineJoin = "round";
  if (points.length === 1) {
    context.beginPath();
    context.arc(points[0][0], points[0][1], width / 2, 0, Math.PI * 2);
    context.fill();
    return;
  }
  context.beginPath();
  context.moveTo(points[0][0], points[0][1]);
  for (let i = 1; i < points.length; i++) context.lineTo(points[i][0], points[i][1]);
  context.stroke();
}

/** Keeps the canvas sharp: its pixel size follows its CSS size times the device pixel ratio. */
function resizeBoard() {
  const { canvas } = board;
  const rect = canvas.getBoundingClientRect();
  if (rect.width === 0) return;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(rect.width * ratio);
  canvas.height = Math.round(rect.height * ratio);
  board.scale = canvas.width / BOARD_WIDTH;
  board.rendered = [];
  board.renderedRound = -1;
  clearBoard();
  if (ui.game) paintState(ui.game);
}

// ---- small pieces -----------------------------------------------------------------------

function renderConnection(status) {
  const presence = $("presence");
  presence.dataset.status = status;
  $("presence-text").textContent =
    { connecting: "Connecting", connected: "Online", reconnecting: "Offline", disconnected: "Offline" }[status];
  const banner = $("connection-banner");
  banner.hidden = status === "connected";
  $("connection-text").textContent = {
    connecting: "Connecting to the game server…",
    reconnecting: "Connection lost. Reconnecting…",
    disconnected: "Disconnected from the game server. Reload the page to try again.",
    connected: "",
  }[status];
}

function showError(id, message) {
  const node = $(id);
  node.textContent = message;
  node.hidden = !message;
}

function toast(message, kind = "info") {
  const container = $("toasts");
  const node = el("div", `toast toast-${kind}`, message);
  container.append(node);
  while (container.children.length > 3) container.firstElementChild.remove();
  setTimeout(() => node.classList.add("toast-leaving"), 4000);
  setTimeout(() => node.remove(), 4400);
}

function shake(node) {
  node.classList.remove("shake");
  void node.offsetWidth; // restart the animation
  node.classList.add("shake");
}

function avatar(player) {
  const node = el("span", "avatar", (player.name.trim()[0] || "?").toUpperCase());
  node.style.setProperty("--player", player.color);
  node.setAttribute("aria-hidden", "true");
  return node;
}

/** An element with a class and (escaped) text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

start(); // last, so that every declaration above is initialised
