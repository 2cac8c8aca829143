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
    "more_than_content_length": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok and more",
    "data_after_final_chunk": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nok\r\n0\r\n\r\nmore",
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


# HTTP/2 (grpc_pass): frame = 3-byte length, type, flags, 4-byte stream id. HPACK without Huffman: literal header
# fields without indexing (first byte 0000xxxx: a static-table name index, or 0 and then a new name), each string a
# length (7-bit prefix integer) and its bytes.
H2_DATA, H2_HEADERS, H2_RST_STREAM, H2_SETTINGS, H2_PUSH_PROMISE, H2_PING, H2_GOAWAY, H2_WINDOW_UPDATE = 0, 1, 3, 4, 5, 6, 7, 8
END_STREAM, END_HEADERS, PADDED, PRIORITY, ACK = 0x1, 0x4, 0x8, 0x20, 0x1
SETTINGS_INITIAL_WINDOW_SIZE = 0x4
STATIC_NAMES = {b":path": 4, b":status": 8}


def h2_frame(kind, flags, stream, payload=b""):
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload


def hpack_int(value, prefix_bits, flags=0):
    """RFC 7541 5.1: the value in the prefix, or the prefix full and the rest in 7-bit groups."""
    limit = (1 << prefix_bits) - 1
    if value < limit:
        return bytes([flags | value])
    out, value = [flags | limit], value - limit
    while value >= 128:
        out.append(value % 128 + 128)
        value //= 128
    return bytes(out + [value])


def hpack_string(data):
    return hpack_int(len(data), 7) + data


def hpack(*fields):
    out = b""
    for name, value in fields:
        index = STATIC_NAMES.get(name)
        out += hpack_int(index, 4) if index else b"\x00" + hpack_string(name)
        out += hpack_string(value)
    return out


def h2_headers(*fields, flags=END_HEADERS, stream=1):
    return h2_frame(H2_HEADERS, flags, stream, hpack(*fields))


STATUS_200 = (b":status", b"200")

H2_REPLIES = {
    # GOAWAY whose last-stream-id (0) is below nginx's stream 1: the request will not be processed.
    "h2_goaway": h2_frame(H2_GOAWAY, 0, 0, struct.pack(">II", 0, 0)),
    "h2_rst_stream": h2_frame(H2_RST_STREAM, 0, 1, struct.pack(">I", 7)),  # REFUSED_STREAM
    "h2_data_first": h2_frame(H2_DATA, 0, 1, b"ok"),
    "h2_status_100": h2_headers((b":status", b"100")),
    "h2_status_invalid": h2_headers((b":status", b"abc")),
    "h2_no_status": h2_headers((b"content-type", b"application/grpc")),
    "h2_unknown_stream": h2_headers(STATUS_200, stream=3),
    "h2_push_promise": h2_frame(H2_PUSH_PROMISE, END_HEADERS, 1, struct.pack(">I", 2) + hpack((b":path", b"/pushed"))),
    "h2_pseudo_header": h2_headers((b":path", b"/")),
    "h2_duplicate_status": h2_headers(STATUS_200, STATUS_200),
    # An indexed header field (0x80 | 62): the first dynamic-table entry, and the dynamic table is empty.
    "h2_bad_table_index": h2_frame(H2_HEADERS, END_HEADERS, 1, b"\xbe"),
    # One 8000-byte header value: more than grpc_buffer_size (4k), less than the 16 KiB frame limit.
    "h2_header_too_big": h2_headers(STATUS_200, (b"x-lab-big", b"a" * 8000)),
    "h2_settings_on_stream": h2_frame(H2_SETTINGS, 0, 1),
    "h2_ping_ack": h2_frame(H2_PING, ACK, 0, b"\x00" * 8),
    # 2^31-1 on top of the connection's 65535: past the largest window HTTP/2 allows.
    "h2_window_overflow": h2_frame(H2_WINDOW_UPDATE, 0, 0, struct.pack(">I", 0x7FFFFFFF)),
    # PRIORITY flag with a 1-byte payload: too short for the 5 bytes of priority data.
    "h2_headers_short": h2_frame(H2_HEADERS, END_HEADERS | PRIORITY, 1, b"\x88"),
    # PADDED flag announcing 5 bytes of padding in a 2-byte payload.
    "h2_padding_too_long": h2_frame(H2_HEADERS, END_HEADERS | PADDED, 1, b"\x05\x88"),
    # A dynamic table size update (001xxxxx) to 16: nginx keeps no dynamic table and refuses any non-zero size.
    "h2_table_size_update": h2_frame(H2_HEADERS, END_HEADERS, 1, b"\x30"),
    # A literal's name index 15 (0x0f, prefix full) continued by a byte with the continuation bit set.
    "h2_table_index_continuation": h2_frame(H2_HEADERS, END_HEADERS, 1, b"\x0f\x80"),
    "h2_empty_header_name": h2_frame(H2_HEADERS, END_HEADERS, 1, hpack(STATUS_200) + b"\x00\x00\x01a"),
    # Lengths of 0x7f + three bytes with the continuation bit: nginx reads at most three.
    "h2_huge_name_length": h2_frame(H2_HEADERS, END_HEADERS, 1, hpack(STATUS_200) + b"\x00\x7f\xff\xff\xff"),
    "h2_huge_value_length": h2_frame(H2_HEADERS, END_HEADERS, 1,
                                     hpack(STATUS_200) + b"\x00" + hpack_string(b"x-lab") + b"\x7f\xff\xff\xff"),
    # A value announced as 20000 bytes in a header block that ends after 1.
    "h2_truncated_header": h2_frame(H2_HEADERS, END_HEADERS, 1,
                                    hpack(STATUS_200) + b"\x00" + hpack_string(b"x-lab") + hpack_int(20000, 7) + b"x"),
    # A Huffman-coded (H bit) name of four 0xff bytes: 30 1-bits are the EOS symbol, which must not appear.
    "h2_bad_huffman": h2_frame(H2_HEADERS, END_HEADERS, 1, hpack(STATUS_200) + b"\x00\x84\xff\xff\xff\xff\x01a"),
    # HTTP/2 header names are lowercase.
    "h2_uppercase_header": h2_headers(STATUS_200, (b"X-Lab", b"1")),
    "h2_rst_stream_short": h2_frame(H2_RST_STREAM, 0, 1, b"\x00\x07"),
    "h2_goaway_on_stream": h2_frame(H2_GOAWAY, 0, 1, struct.pack(">II", 0, 0)),
    "h2_goaway_short": h2_frame(H2_GOAWAY, 0, 0, struct.pack(">I", 0)),
    "h2_window_update_short": h2_frame(H2_WINDOW_UPDATE, 0, 0, b"\x00\x00\x01"),
    "h2_settings_ack_payload": h2_frame(H2_SETTINGS, ACK, 0, struct.pack(">HI", SETTINGS_INITIAL_WINDOW_SIZE, 65535)),
    "h2_settings_short": h2_frame(H2_SETTINGS, 0, 0, b"\x00\x04\x00\x00\x00"),
    "h2_settings_window_too_large": h2_frame(H2_SETTINGS, 0, 0, struct.pack(">HI", SETTINGS_INITIAL_WINDOW_SIZE, 0x80000000)),
    "h2_ping_on_stream": h2_frame(H2_PING, 0, 1, b"\x00" * 8),
    "h2_ping_short": h2_frame(H2_PING, 0, 0, b"\x00" * 4),
    # Body phase: nginx has sent the 200 on when these go wrong.
    # content-length 10, then 2 bytes of DATA that end the stream. (HEADERS with END_STREAM would not do: nginx then
    # zeroes content_length_n before ngx_http_grpc_filter_init compares it.)
    "h2_stream_closed": h2_headers(STATUS_200, (b"content-length", b"10")) + h2_frame(H2_DATA, END_STREAM, 1, b"ok"),
    "h2_trailer_without_end_stream": h2_headers(STATUS_200) + h2_headers((b"grpc-status", b"0")),
    "h2_frame_after_end_stream": h2_headers(STATUS_200, flags=END_HEADERS | END_STREAM) + h2_frame(H2_DATA, 0, 1, b"ok"),
    "h2_data_unknown_stream": h2_headers(STATUS_200) + h2_frame(H2_DATA, END_STREAM, 3, b"ok"),
    "h2_trailer_pseudo_header": h2_headers(STATUS_200) + h2_headers(STATUS_200, flags=END_HEADERS | END_STREAM),
    "h2_body_too_long": h2_headers(STATUS_200, (b"content-length", b"1")) + h2_frame(H2_DATA, END_STREAM, 1, b"ok"),
}


def read_exactly(conn, data, size):
    while len(data) < size:
        chunk = conn.recv(4096)
        if not chunk:
            raise EOFError
        data += chunk
    return data


def read_h2_request(conn):
    """Reads nginx's client preface and frames until its HEADERS frame for stream 1 ends the header block."""
    conn.settimeout(2.0)
    data = read_exactly(conn, b"", 24)
    pos = 24
    while True:
        data = read_exactly(conn, data, pos + 9)
        length = int.from_bytes(data[pos:pos + 3], "big")
        kind, flags = data[pos + 3], data[pos + 4]
        data = read_exactly(conn, data, pos + 9 + length)
        pos += 9 + length
        if kind == H2_HEADERS and flags & END_HEADERS:
            return


def handle_h2(mode, conn):
    try:
        read_h2_request(conn)
        conn.sendall(h2_frame(H2_SETTINGS, 0, 0) + h2_frame(H2_SETTINGS, ACK, 0) + H2_REPLIES[mode])
        conn.settimeout(1.0)
        while conn.recv(4096):  # until nginx closes, so the reply is never cut by our close
            pass
    except (OSError, EOFError):
        pass
    close(conn)


# SCGI, uwsgi and FastCGI backends: each reads the whole request in its own framing, then answers once and closes.
CGI_INVALID_STATUS = b"Status: abc\r\nContent-Type: text/plain\r\n\r\nok"
CGI_OK = b"Content-Type: text/plain\r\n\r\nok"


def read_scgi_request(conn):
    """An SCGI request is a netstring of headers ("len:...,") and then CONTENT_LENGTH bytes (none for a GET)."""
    conn.settimeout(2.0)
    data = b""
    while b":" not in data:
        data = read_exactly(conn, data, len(data) + 1)
    head, _, _ = data.partition(b":")
    read_exactly(conn, data, len(head) + 1 + int(head) + 1)


def read_uwsgi_request(conn):
    """A uwsgi packet: modifier1, a little-endian 16-bit size, modifier2, then that many bytes of variables."""
    conn.settimeout(2.0)
    data = read_exactly(conn, b"", 4)
    read_exactly(conn, data, 4 + int.from_bytes(data[1:3], "little"))


FCGI_END_REQUEST, FCGI_STDIN, FCGI_STDOUT = 3, 5, 6


def fcgi_record(kind, payload, request=1):
    return struct.pack(">BBHHBB", 1, kind, request, len(payload), 0, 0) + payload


def read_fastcgi_request(conn):
    """FastCGI records (8-byte header, content, padding) up to the empty STDIN record that ends the request."""
    conn.settimeout(2.0)
    data, pos = b"", 0
    while True:
        data = read_exactly(conn, data, pos + 8)
        _, kind, _, length, padding, _ = struct.unpack(">BBHHBB", data[pos:pos + 8])
        data = read_exactly(conn, data, pos + 8 + length + padding)
        pos += 8 + length + padding
        if kind == FCGI_STDIN and length == 0:
            return


END_REQUEST = fcgi_record(FCGI_END_REQUEST, b"\x00" * 8)

CGI_REPLIES = {
    "scgi_invalid_status": (read_scgi_request, CGI_INVALID_STATUS),
    "uwsgi_invalid_status": (read_uwsgi_request, CGI_INVALID_STATUS),
    "fastcgi_invalid_status": (read_fastcgi_request, fcgi_record(FCGI_STDOUT, CGI_INVALID_STATUS) + END_REQUEST),
    # END_REQUEST with no STDOUT at all: the application wrote nothing.
    "fastcgi_no_output": (read_fastcgi_request, END_REQUEST),
    # An empty STDOUT record (end of output) before the header block was complete.
    "fastcgi_stdout_closed": (read_fastcgi_request,
                              fcgi_record(FCGI_STDOUT, b"Content-Type: text/pl") + fcgi_record(FCGI_STDOUT, b"")),
    # Record type 12 is past FCGI_UNKNOWN_TYPE (11): no FastCGI application sends it.
    "fastcgi_bad_record_type": (read_fastcgi_request, fcgi_record(12, b"")),
    # The answer for request id 2 on a connection that carries nginx's request 1.
    "fastcgi_wrong_request_id": (read_fastcgi_request, fcgi_record(FCGI_STDOUT, CGI_OK, request=2)),
    # Content-Length 10, 2 bytes, END_REQUEST: the header went out, the body is cut.
    "fastcgi_request_cut": (read_fastcgi_request,
                            fcgi_record(FCGI_STDOUT, b"Content-Length: 10\r\n\r\nok") + END_REQUEST),
}


def handle_cgi(mode, conn):
    read, payload = CGI_REPLIES[mode]
    try:
        read(conn)
        conn.sendall(payload)
    except (OSError, EOFError, ValueError):
        pass
    close(conn)


def read_line(conn):
    conn.settimeout(2.0)
    data = b""
    while b"\r\n" not in data:
        data = read_exactly(conn, data, len(data) + 1)
    return data.split(b"\r\n")[0]


MEMCACHED_REPLIES = {
    # Not memcached at all: a Redis-style error line.
    "memcached_garbage": lambda key: b"-ERR unknown command 'get'\r\n",
    "memcached_wrong_key": lambda key: b"VALUE other 0 2\r\nok\r\nEND\r\n",
    "memcached_bad_length": lambda key: b"VALUE " + key + b" 0 two\r\nok\r\nEND\r\n",
    "memcached_miss": lambda key: b"END\r\n",
    # The value's 2 bytes, then something else where "\r\nEND\r\n" belongs.
    "memcached_bad_trailer": lambda key: b"VALUE " + key + b" 0 2\r\nok\r\nBAD\r\n",
}


def handle_memcached(mode, conn):
    """Answers nginx's "get KEY" as the mode says."""
    try:
        key = read_line(conn).partition(b" ")[2]
        conn.sendall(MEMCACHED_REPLIES[mode](key))
    except (OSError, EOFError):
        pass
    close(conn)


def handle_tls_hangup(mode, conn):
    """Reads what arrives once (the ClientHello) and closes cleanly: a TLS port whose server gives up mid-handshake."""
    conn.settimeout(2.0)
    try:
        conn.recv(65536)
    except OSError:
        pass
    close(conn)


def serve_raw(sock, mode):
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        threading.Thread(target=handler(mode), args=(mode, conn), daemon=True).start()


def handler(mode):
    if mode in H2_REPLIES:
        return handle_h2
    if mode in CGI_REPLIES:
        return handle_cgi
    if mode in MEMCACHED_REPLIES:
        return handle_memcached
    if mode == "tls_hangup":
        return handle_tls_hangup
    return handle


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
