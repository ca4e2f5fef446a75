#!/usr/bin/env python3
"""Prints Lattice's production Content-Security-Policy, built from config.json.

    python3 scripts/csp.py [--config PATH] [--report-uri URI] [--connect ORIGIN ...] [--nginx]

Every directive is fixed except connect-src, which must name each origin the app talks
to; config.json says which homeserver that is, so the policy is derived from it here
rather than written by hand. The end-to-end tests' server (e2e/src/server.rs) runs this
script too, so the tests run under exactly the policy a deployment gets.
"""
import argparse
import json
import pathlib
import re
import sys
import urllib.parse
import urllib.request

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' blob: data:; media-src 'self' blob:; connect-src {connect}; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
DEFAULT_CONFIG = pathlib.Path(__file__).resolve().parent.parent / "public" / "config.json"
# A source or URI must not break out of the CSP (; , space quotes) or the nginx string ($ ").
SAFE = re.compile(r"'self'|[^\s;,'\"$\\]+")
UNSAFE = "contains a space or one of ; , ' \" $ \\"
SERVER_NAME = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?")  # host[:port]


def fail(message: str, code: int = 1):
    print(f"csp.py: {message}", file=sys.stderr)
    sys.exit(code)


def origin(url: str) -> str:
    """scheme://host[:port] of an http(s) URL, or "" if it is not one."""
    parts = urllib.parse.urlsplit(url.strip())
    host = parts.netloc.rpartition("@")[2].lower()
    return f"{parts.scheme.lower()}://{host}" if parts.scheme.lower() in ("http", "https") and host else ""


def well_known_origin(name: str) -> str:
    """The origin of the base URL that https://NAME/.well-known/matrix/client names.

    The app resolves a bare server name the same way (src/matrix/discovery.rs), so the
    policy must allow wherever that document points. Raises on any failure."""
    with urllib.request.urlopen(f"https://{name}/.well-known/matrix/client", timeout=10) as response:
        document = json.load(response)
    try:
        base_url = document["m.homeserver"]["base_url"]
    except (KeyError, TypeError):
        raise ValueError("it has no m.homeserver.base_url") from None
    if not isinstance(base_url, str) or not origin(base_url):
        raise ValueError(f"its base_url {base_url!r} is not an http(s) URL")
    return origin(base_url)


def connect_sources(config: dict, extra: list) -> list:
    sources = ["'self'"]
    homeserver = config.get("default_homeserver", "")
    if not isinstance(homeserver, str):
        fail("config field default_homeserver must be a string", 2)
    homeserver = homeserver.strip().rstrip("/")
    if "://" in homeserver:
        if not origin(homeserver):
            fail(f"config field default_homeserver: {homeserver!r} is not an http(s) URL", 2)
        sources.append(origin(homeserver))
    elif homeserver:
        # A server name (maybe with a port): the app fetches its .well-known over https,
        # then talks to the base URL found there.
        if not SERVER_NAME.fullmatch(homeserver):
            fail(f"config field default_homeserver: {homeserver!r} is neither a URL nor a server name", 2)
        sources.append(f"https://{homeserver}")
        try:
            sources.append(well_known_origin(homeserver))
        except Exception as e:  # whatever went wrong, the admin's remedy is the same
            message = (f"could not read https://{homeserver}/.well-known/matrix/client ({e}), "
                       "so the homeserver's URL is unknown. Put that URL in config.json's "
                       'default_homeserver (e.g. "https://matrix.example.org"), '
                       "or name its origin with --connect ORIGIN.")
            if not extra:
                fail(message)
            print(f"csp.py: warning: {message} Using the --connect origins.", file=sys.stderr)
    custom = config.get("allow_custom_homeservers", False)
    if not isinstance(custom, bool):
        fail("config field allow_custom_homeservers must be true or false", 2)
    if custom:
        # Users may type any homeserver, so any https origin must be reachable. This
        # weakens connect-src as a defence against exfiltration: only enable it if needed.
        sources.append("https:")
    sources += extra
    for source in sources:  # the .well-known answer too: it comes from the network
        if not SAFE.fullmatch(source):
            fail(f"connect-src {source!r} {UNSAFE}", 2)
    return list(dict.fromkeys(sources))  # drop repeats, keep order


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=pathlib.Path, default=DEFAULT_CONFIG,
                        help="the config.json that is served (default: public/config.json)")
    parser.add_argument("--report-uri", help="append '; report-uri URI'")
    parser.add_argument("--connect", action="append", default=[], metavar="ORIGIN",
                        help="another origin for connect-src (repeatable)")
    parser.add_argument("--nginx", action="store_true", help="print an nginx add_header line")
    args = parser.parse_args()

    if args.report_uri and not SAFE.fullmatch(args.report_uri):
        fail(f"--report-uri {args.report_uri!r} {UNSAFE}", 2)
    try:
        config = json.loads(args.config.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        fail(f"cannot read {args.config}: {e}", 2)
    if not isinstance(config, dict):
        fail(f"{args.config} must hold a JSON object", 2)

    sources = connect_sources(config, args.connect)
    policy = POLICY.format(connect=" ".join(sources))
    if args.report_uri:
        policy += f"; report-uri {args.report_uri}"
    if not args.nginx:
        print(policy)
        return
    print(f"# Generated by scripts/csp.py from {args.config}; regenerate it, don't edit it.")
    if "https:" in sources:
        print("# allow_custom_homeservers is true: connect-src allows any https: origin.")
    print(f'add_header Content-Security-Policy "{policy}" always;')


if __name__ == "__main__":
    main()
