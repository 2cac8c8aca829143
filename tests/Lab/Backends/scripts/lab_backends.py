"""Broken backends for the nginx lab.

Reads a JSON list of listeners from argv[1], binds every one, prints READY and serves until stdin closes
(the lab closes it, or the lab's process dies): each listener misbehaves in exactly one way nginx logs.
Run with Debian's /usr/bin/python3; only the standard library is used.
"""
import http.server
import json
import os
import socket
import ssl
import struct
import sys
import threading

HELD = []  # connections kept open on purpose (hang mode, backlog filler)


def read_request(conn, limit=65536):
    """Read until the end of the request head (or EOF / 2 s), so replies go out after nginx finished sending."""
    conn.settimeout(2.0)
    data = b""
    try:
        while b"\r\n\r\n" not in data and len(data) < limit:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    return data


def reply(conn, payload):
    try:
        conn.sendall(payload)
    except OSError:
        pass


def close(conn):
    try:
        conn.close()
    except OSError:
        pass


BIG = b"X-Big: " + b"a" * 16384 + b"\r\n"

RAW_REPLIES = {
    "big_header": b"HTTP/1.1 200 OK\r\n" + BIG + b"Content-Length: 2\r\nConnection: close\r\n\r\nok",
    "invalid_header": b"HTTP/1.1 200 OK\r\nBa\x01d: value\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
    "dup_content_length": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok",
    "cl_and_te": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nok\r\n0\r\n\r\n",
    "truncated": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n0123456789",
    "bad_chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nok\r\n0\r\n\r\n",
    "http_ok": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
}


def handle(mode, conn):
    if mode == "banner":
        # A non-HTTP service that speaks first, like sshd or a mail server.
        reply(conn, b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")
        read_request(conn)
        close(conn)
        return
    read_request(conn)
    if mode == "hang":
        HELD.append(conn)
        return
    if mode == "reset":
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        close(conn)
        return
    if mode == "close":
        close(conn)
        return
    reply(conn, RAW_REPLIES[mode])
    close(conn)


def serve_raw(sock, mode):
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        threading.Thread(target=handle, args=(mode, conn), daemon=True).start()


class OkHandler(http.server.BaseHTTPRequestHandler):
    """A real HTTP/1.1 server (the standard library's), answering 200 to every GET."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = b"ok\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def tcp_socket(port, backlog=64):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(backlog)
    return sock


def unix_socket(path, mode, backlog=64):
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(path)
    os.chmod(path, mode)
    sock.listen(backlog)
    return sock


def fill_backlog(sock, address, family):
    """Leave a listener that never accepts with its accept queue full, so new connects stall (TCP) or get EAGAIN (unix)."""
    for _ in range(8):
        c = socket.socket(family, socket.SOCK_STREAM)
        c.setblocking(False)
        try:
            c.connect(address)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            close(c)
            break
        HELD.append(c)
    HELD.append(sock)


def start_dns_nxdomain(port):
    """A UDP DNS server that answers NXDOMAIN to every query (a name that does not exist)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))

    def loop():
        while True:
            try:
                data, peer = sock.recvfrom(512)
            except OSError:
                return
            if len(data) < 12:
                continue
            flags = 0x8000 | (data[2] & 0x01) << 8 | 0x0080 | 3  # QR, RD copied, RA, rcode 3
            header = data[0:2] + struct.pack(">H", flags) + data[4:6] + b"\x00\x00\x00\x00\x00\x00"
            sock.sendto(header + data[12:], peer)

    threading.Thread(target=loop, daemon=True).start()


def start_tls_http(port, cert, key):
    """A real HTTPS server: the standard library's HTTP server behind TLS."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), OkHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()


def start_http(port):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), OkHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()


def start(spec):
    mode = spec["mode"]
    if mode == "dns_nxdomain":
        start_dns_nxdomain(spec["port"])
    elif mode == "tls_http":
        start_tls_http(spec["port"], spec["cert"], spec["key"])
    elif mode == "http" and "port" in spec:
        start_http(spec["port"])
    elif mode == "stale_unix":
        # Bound and closed: the file stays, nobody listens (a crashed service that did not clean up).
        sock = unix_socket(spec["path"], 0o666)
        sock.close()
    elif mode == "backlog_full":
        if "path" in spec:
            sock = unix_socket(spec["path"], 0o666, backlog=0)
            fill_backlog(sock, spec["path"], socket.AF_UNIX)
        else:
            sock = tcp_socket(spec["port"], backlog=0)
            fill_backlog(sock, ("127.0.0.1", spec["port"]), socket.AF_INET)
    else:
        raw_mode = "http_ok" if mode == "http" else mode
        if "path" in spec:
            sock = unix_socket(spec["path"], int(spec.get("fileMode", "666"), 8))
        else:
            sock = tcp_socket(spec["port"])
        threading.Thread(target=serve_raw, args=(sock, raw_mode), daemon=True).start()


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        specs = json.load(f)
    for spec in specs:
        start(spec)
    print("READY", flush=True)
    sys.stdin.read()  # returns when the lab closes stdin or exits


if __name__ == "__main__":
    main()
