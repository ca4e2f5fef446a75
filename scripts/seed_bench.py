#!/usr/bin/env python3
"""Seeds a fresh local Synapse (scripts/synapse.sh) with the benchmark account.

    scripts/seed_bench.py SYNAPSE_URL SHARED_SECRET [--rooms 1000] [--messages 19]

Registers @bench:localhost (password bench-password) and @bench-peer:localhost
(bench-peer-password). bench-peer creates the rooms "Bench room 0000" ... (private_chat,
unencrypted) inviting bench, bench joins each, and bench-peer sends --messages text
messages per room ("message N in room M"). The last message of every room is sent one
room at a time in room order, so recency is well defined: room 0999 is the most recent,
room 0000 the least. Standard library only.

Synapse's per-user limits on room creation and invites (a few a minute) are not relaxed
by synapse.sh, so a third account, @bench-admin:localhost (random password, its token
logged out at the end), lifts all rate limits for bench-peer through the admin API.
bench's own limits are left as synapse.sh configures them.
"""

import argparse
import concurrent.futures
import hashlib
import hmac
import http.client
import json
import secrets
import sys
import threading
import time
import urllib.parse

WORKERS = 12
SERVER_NAME = "localhost"
_local = threading.local()


class MatrixError(Exception):
    pass


def request(base, method, path, body=None, token=None):
    """One JSON request on this thread's keep-alive connection; retries 429 and dropped connections."""
    url = urllib.parse.urlsplit(base)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    for attempt in range(30):
        conn = getattr(_local, "conn", None)
        if conn is None:
            conn = _local.conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=120)
        try:
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            raw = resp.read()
        except (http.client.HTTPException, OSError):
            conn.close()
            _local.conn = None
            if attempt >= 4:
                raise
            time.sleep(0.5 * (attempt + 1))
            continue
        payload = json.loads(raw) if raw else {}
        if resp.status == 429:
            wait = payload.get("retry_after_ms") or int(resp.headers.get("Retry-After", "1")) * 1000
            time.sleep(wait / 1000 + 0.05)
            continue
        if resp.status >= 400:
            raise MatrixError(f"{method} {path}: HTTP {resp.status} {payload.get('errcode')} {payload.get('error')}")
        return payload
    raise MatrixError(f"{method} {path}: still rate limited after 30 attempts")


def register(base, secret, user, password, admin=False):
    """Shared-secret registration (/_synapse/admin/v1/register); returns the access token."""
    path = "/_synapse/admin/v1/register"
    nonce = request(base, "GET", path)["nonce"]
    mac = hmac.new(secret.encode(), digestmod=hashlib.sha1)
    mac.update(b"\x00".join([nonce.encode(), user.encode(), password.encode(), b"admin" if admin else b"notadmin"]))
    try:
        reply = request(base, "POST", path, {
            "nonce": nonce, "username": user, "password": password, "admin": admin, "mac": mac.hexdigest(),
        })
    except MatrixError as err:
        if "M_USER_IN_USE" in str(err):
            sys.exit(f"seed_bench: @{user}:{SERVER_NAME} already exists: this server is already seeded "
                     "(or half-seeded); start again from an empty Synapse data directory")
        raise
    return reply["access_token"]


def q(value):
    return urllib.parse.quote(value, safe="")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("synapse_url")
    parser.add_argument("shared_secret")
    parser.add_argument("--rooms", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=19, help="messages per room (at least 1)")
    args = parser.parse_args()
    base = args.synapse_url.rstrip("/")
    rooms, messages = args.rooms, max(1, args.messages)
    start = time.monotonic()

    bench = register(base, args.shared_secret, "bench", "bench-password")
    peer = register(base, args.shared_secret, "bench-peer", "bench-peer-password")
    admin = register(base, args.shared_secret, "bench-admin", secrets.token_hex(16), admin=True)
    request(base, "POST", f"/_synapse/admin/v1/users/{q('@bench-peer:' + SERVER_NAME)}/override_ratelimit",
            {"messages_per_second": 0, "burst_count": 0}, admin)
    request(base, "POST", "/_matrix/client/v3/logout", {}, admin)
    bench_id = f"@bench:{SERVER_NAME}"

    def send(room_id, n, m):
        txn = f"seed-{m}-{n}"
        request(base, "PUT", f"/_matrix/client/v3/rooms/{q(room_id)}/send/m.room.message/{txn}",
                {"msgtype": "m.text", "body": f"message {n} in room {m}"}, peer)

    def seed_room(m):
        """Creates room m with bench invited, joins bench, sends all but the last message."""
        room_id = request(base, "POST", "/_matrix/client/v3/createRoom", {
            "name": f"Bench room {m:04d}", "preset": "private_chat", "invite": [bench_id],
        }, peer)["room_id"]
        request(base, "POST", f"/_matrix/client/v3/join/{q(room_id)}", {}, bench)
        for n in range(messages - 1):
            send(room_id, n, m)
        return room_id

    room_ids = [None] * rooms
    done = 0
    pool = concurrent.futures.ThreadPoolExecutor(WORKERS)
    try:
        futures = {pool.submit(seed_room, m): m for m in range(rooms)}
        for future in concurrent.futures.as_completed(futures):
            room_ids[futures[future]] = future.result()
            done += 1
            if done % 100 == 0 or done == rooms:
                print(f"seed_bench: {done}/{rooms} rooms ({time.monotonic() - start:.0f} s)", flush=True)
    finally:
        pool.shutdown(cancel_futures=True)  # on an error, do not run the rooms still queued

    # The last message of each room, one at a time in room order: room rooms-1 is the newest.
    for m, room_id in enumerate(room_ids):
        send(room_id, messages - 1, m)
        time.sleep(0.002)  # distinct origin_server_ts too
    print(f"seed_bench: {rooms} rooms, {rooms * messages} messages in {time.monotonic() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
