#!/usr/bin/python3
"""Independent gRPC peer for Nginx502Bot.Grpc's interop tests, built on Debian's python3-grpcio.

No code generation: messages are protobuf well-known wrapper types (StringValue, Int32Value) and methods are
registered with generic handlers, so this file is the whole peer.

  interop.py client HOST:PORT   calls OUR server (unary, error status, deadline, server streaming, auth);
                                prints "OK <case>" per case and "ALL OK"; exits 1 with "FAIL ..." on any mismatch.
  interop.py server             serves the same methods on a free loopback port, prints "PORT <n>", and logs what
                                it checked ("OK ..."/"FAIL ..."). It stops by itself after 120 s as a safety net.
"""
import sys
import time
from concurrent import futures

import grpc
from google.protobuf import wrappers_pb2

SERVICE = "interop.Echo"
TOKEN = "Bearer interop-token"
# Non-ASCII characters and '%' exercise grpc-message percent-encoding in both directions.
ERROR_DETAIL = "bad input: caf\u00e9 100% \u2603"
CHANNEL_OPTIONS = [("grpc.enable_http_proxy", 0)]


def say(line):
    print(line, flush=True)


def fail(message):
    say("FAIL " + message)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


# ---------------------------------------------------------------- client: calls the C# server

def stub(channel, kind, name, request_type, response_type):
    factory = channel.unary_unary if kind == "unary" else channel.unary_stream
    return factory(
        "/%s/%s" % (SERVICE, name),
        request_serializer=request_type.SerializeToString,
        response_deserializer=response_type.FromString,
    )


def expect_error(call, code, what):
    try:
        call()
    except grpc.RpcError as error:
        check(error.code() == code, "%s: expected %s, got %s (%r)" % (what, code, error.code(), error.details()))
        return error
    fail("%s: expected %s, but the call succeeded" % (what, code))


def run_client(target):
    metadata = (("authorization", TOKEN), ("x-request-id", "rid-py-1"))
    with grpc.insecure_channel(target, options=CHANNEL_OPTIONS) as channel:
        unary = stub(channel, "unary", "Unary", wrappers_pb2.StringValue, wrappers_pb2.StringValue)
        reply = unary(wrappers_pb2.StringValue(value="hello"), metadata=metadata, timeout=10)
        check(reply.value == "echo:hello|rid=rid-py-1", "unary: unexpected reply %r" % reply.value)
        say("OK unary")

        failing = stub(channel, "unary", "Fail", wrappers_pb2.StringValue, wrappers_pb2.StringValue)
        error = expect_error(lambda: failing(wrappers_pb2.StringValue(value="x"), metadata=metadata, timeout=10),
                             grpc.StatusCode.INVALID_ARGUMENT, "error")
        check(error.details() == ERROR_DETAIL, "error: details %r != %r" % (error.details(), ERROR_DETAIL))
        say("OK error")

        sleep = stub(channel, "unary", "Sleep", wrappers_pb2.StringValue, wrappers_pb2.StringValue)
        started = time.monotonic()
        expect_error(lambda: sleep(wrappers_pb2.StringValue(value="10000"), metadata=metadata, timeout=0.5),
                     grpc.StatusCode.DEADLINE_EXCEEDED, "deadline")
        elapsed = time.monotonic() - started
        check(elapsed < 4, "deadline: took %.2f s" % elapsed)
        say("OK deadline")

        count = stub(channel, "stream", "Count", wrappers_pb2.Int32Value, wrappers_pb2.Int32Value)
        values = [m.value for m in count(wrappers_pb2.Int32Value(value=5), metadata=metadata, timeout=10)]
        check(values == [1, 2, 3, 4, 5], "streaming: got %r" % values)
        say("OK streaming")

        expect_error(lambda: unary(wrappers_pb2.StringValue(value="hello"), timeout=10),
                     grpc.StatusCode.UNAUTHENTICATED, "unauthenticated")
        say("OK unauthenticated")
    say("ALL OK")


# ---------------------------------------------------------------- server: called by the C# client

def authenticate(context, method):
    say("CALL %s at %.3f" % (method, time.time()))
    metadata = dict(context.invocation_metadata())
    if metadata.get("authorization") != TOKEN:
        say("FAIL %s: authorization metadata %r" % (method, metadata.get("authorization")))
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing or wrong authorization")
    remaining = context.time_remaining()
    if remaining is None or remaining > 30:
        say("FAIL %s: grpc-timeout not received (time_remaining=%r)" % (method, remaining))
        context.abort(grpc.StatusCode.INTERNAL, "the client sent no usable grpc-timeout")
    return metadata


def handle_unary(request, context):
    metadata = authenticate(context, "Unary")
    say("OK Unary received %r rid=%s" % (request.value, metadata.get("x-request-id")))
    return wrappers_pb2.StringValue(value="echo:%s|rid=%s" % (request.value, metadata.get("x-request-id", "")))


def handle_fail(request, context):
    authenticate(context, "Fail")
    context.abort(grpc.StatusCode.INVALID_ARGUMENT, ERROR_DETAIL)


def handle_sleep(request, context):
    authenticate(context, "Sleep")
    say("START Sleep %s ms, time remaining %.3f s" % (request.value, context.time_remaining()))
    until = time.monotonic() + min(int(request.value), 10000) / 1000.0
    while time.monotonic() < until:
        if not context.is_active():
            say("OK Sleep cancelled by the client")
            return wrappers_pb2.StringValue(value="cancelled")
        time.sleep(0.02)
    say("FAIL Sleep ran to the end: the client never cancelled")
    return wrappers_pb2.StringValue(value="slept")


def handle_count(request, context):
    authenticate(context, "Count")
    for i in range(1, request.value + 1):
        yield wrappers_pb2.Int32Value(value=i)
    say("OK Count streamed %d" % request.value)


def run_server():
    handlers = {
        "Unary": grpc.unary_unary_rpc_method_handler(
            handle_unary, wrappers_pb2.StringValue.FromString, wrappers_pb2.StringValue.SerializeToString),
        "Fail": grpc.unary_unary_rpc_method_handler(
            handle_fail, wrappers_pb2.StringValue.FromString, wrappers_pb2.StringValue.SerializeToString),
        "Sleep": grpc.unary_unary_rpc_method_handler(
            handle_sleep, wrappers_pb2.StringValue.FromString, wrappers_pb2.StringValue.SerializeToString),
        "Count": grpc.unary_stream_rpc_method_handler(
            handle_count, wrappers_pb2.Int32Value.FromString, wrappers_pb2.Int32Value.SerializeToString),
    }
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE, handlers),))
    port = server.add_insecure_port("127.0.0.1:0")
    check(port != 0, "server: could not bind a loopback port")
    server.start()
    say("PORT %d" % port)
    server.wait_for_termination(timeout=120)
    server.stop(grace=None)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "client":
        run_client(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "server":
        run_server()
    else:
        fail("usage: interop.py client HOST:PORT | interop.py server")
