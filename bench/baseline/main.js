// The benchmark's baseline: Element Web's engine (matrix-js-sdk, sync v2, IndexedDB
// store, lazy-loaded members, no crypto) driven by the Rust WebDriver harness through
// the window.bench* functions below. Bundled by bench/baseline/build.sh.
import {
  ClientEvent,
  Direction,
  IndexedDBStore,
  RoomEvent,
  SyncState,
  createClient,
} from "matrix-js-sdk";

const SESSION_KEY = "bench-baseline-session";
const DB_NAME = "bench-baseline"; // IndexedDB "matrix-js-sdk:bench-baseline"
const WANTED_EVENTS = 20;

let client = null;
window.benchState = { prepared: false };
window.benchLastSent = null;

async function startClient({ baseUrl, userId, deviceId, accessToken }) {
  if (client) throw new Error("the client is already started");
  const store = new IndexedDBStore({ indexedDB: window.indexedDB, localStorage: window.localStorage, dbName: DB_NAME });
  client = createClient({ baseUrl, userId, deviceId, accessToken, store, timelineSupport: true });
  await store.startup(); // after createClient: matrix-js-sdk 43 insists on that order
  const onSync = (state) => {
    if (state !== SyncState.Prepared) return;
    client.off(ClientEvent.Sync, onSync);
    performance.mark("baseline:prepared");
    window.benchState = { prepared: true, rooms: client.getRooms().length, preparedAt: performance.now() };
  };
  client.on(ClientEvent.Sync, onSync);
  await client.startClient({ lazyLoadMembers: true, initialSyncLimit: 20 });
}

function room(roomId) {
  const found = client?.getRoom(roomId);
  if (!found) throw new Error(`unknown room ${roomId} (is the client prepared?)`);
  return found;
}

window.benchLogin = async (baseUrl, user, password) => {
  performance.mark("baseline:login-submit");
  const response = await createClient({ baseUrl }).loginRequest({
    type: "m.login.password",
    identifier: { type: "m.id.user", user },
    password,
    initial_device_display_name: "bench-baseline",
  });
  const session = {
    baseUrl,
    userId: response.user_id,
    deviceId: response.device_id,
    accessToken: response.access_token,
  };
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  await startClient(session);
};

// Ms to fetch the room's latest WANTED_EVENTS events from the server and turn them
// into events: the work Lattice does on opening a room whose cache holds only the
// list's latest event. (Reading the events sync v2 already put in memory would measure
// nothing.)
window.benchOpenRoom = async (roomId) => {
  const t0 = performance.now();
  room(roomId);
  const response = await client.createMessagesRequest(roomId, null, WANTED_EVENTS, Direction.Backward);
  const mapper = client.getEventMapper();
  const events = response.chunk.map(mapper);
  if (events.length === 0) throw new Error(`no events in ${roomId}`);
  return performance.now() - t0;
};

// Notes in window.baselineLiveAt (epoch ms) when a message with `body` arrives in the
// room's live timeline, for the "live" figure.
window.benchWatch = (roomId, body) => {
  window.baselineLiveAt = null;
  const r = room(roomId);
  const onTimeline = (event) => {
    if (event.getContent()?.body !== body) return;
    window.baselineLiveAt = performance.timeOrigin + performance.now();
    r.off(RoomEvent.Timeline, onTimeline);
  };
  r.on(RoomEvent.Timeline, onTimeline);
};

// Ms until the local echo is in the room's live timeline; benchLastSent gets the event id
// once the server has answered.
window.benchSend = (roomId, body) =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const r = room(roomId);
    const txnId = client.makeTxnId();
    const echoed = () => r.getLiveTimeline().getEvents().some((e) => e.getTxnId() === txnId);
    const check = () => {
      if (!echoed()) return;
      const ms = performance.now() - t0;
      r.off(RoomEvent.LocalEchoUpdated, check);
      r.off(RoomEvent.Timeline, check);
      resolve(ms);
    };
    r.on(RoomEvent.LocalEchoUpdated, check);
    r.on(RoomEvent.Timeline, check);
    client.sendTextMessage(roomId, body, txnId).then(
      (res) => { window.benchLastSent = res.event_id; },
      (err) => { r.off(RoomEvent.LocalEchoUpdated, check); r.off(RoomEvent.Timeline, check); reject(err); },
    );
    check(); // matrix-js-sdk adds the local echo synchronously
  });

// Room ids, most recent activity first.
window.benchRoomIds = () =>
  client
    .getRooms()
    .map((r) => [r.roomId, r.getLastActiveTimestamp()])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);

// Warm start: a stored session starts the client as soon as the page loads.
const saved = localStorage.getItem(SESSION_KEY);
if (saved) {
  startClient(JSON.parse(saved)).catch((err) => {
    window.benchState = { prepared: false, error: String(err) };
  });
}
