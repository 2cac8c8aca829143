#!/usr/bin/python3
"""Independent client for the agent's serve tests, built on Debian's python3-grpcio and python3-protobuf.

No code generation: the agent's message classes are built at run time from the FileDescriptorSet the C# test
writes (agent.proto and its imports), so the wire contract is exercised exactly as compiled.

  agent_client.py HOST:PORT DESCRIPTOR_SET TOKEN
prints "OK <case>" per case and "ALL OK"; exits 1 with "FAIL ..." on any mismatch.
"""
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

SERVICE = "/nginx502bot.agent.v1.AgentService/"
OPTIONS = [("grpc.enable_http_proxy", 0)]


def say(line):
    print(line, flush=True)


def fail(message):
    say("FAIL " + message)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def load_messages(path):
    files = descriptor_pb2.FileDescriptorSet()
    with open(path, "rb") as f:
        files.ParseFromString(f.read())
    pool = descriptor_pool.DescriptorPool()
    for proto in files.file:
        pool.Add(proto)
    factory = message_factory.MessageFactory(pool)
    return lambda name: factory.GetPrototype(pool.FindMessageTypeByName("nginx502bot.agent.v1." + name))


def main(target, descriptor_set, token):
    msg = load_messages(descriptor_set)
    channel = grpc.insecure_channel(target, options=OPTIONS)
    auth = [("authorization", "Bearer " + token), ("x-request-id", "py-corr-1")]

    health = channel.unary_unary(SERVICE + "Health", request_serializer=msg("HealthRequest").SerializeToString,
                                 response_deserializer=msg("HealthResponse").FromString)
    request = msg("HealthRequest")()
    request.meta.request_id = "py-1"
    request.meta.correlation_id = "py-corr-1"
    reply = health(request, metadata=auth, timeout=10)
    check(reply.status == 1, "Health: expected SERVING, got %r" % reply.status)
    say("OK health")

    for name, metadata in (("no token", [("x-request-id", "py-corr-2")]),
                           ("wrong token", [("authorization", "Bearer not-the-token-at-all"), ("x-request-id", "py-corr-3")])):
        try:
            health(request, metadata=metadata, timeout=10)
            fail("%s: the call succeeded" % name)
        except grpc.RpcError as error:
            check(error.code() == grpc.StatusCode.UNAUTHENTICATED, "%s: expected UNAUTHENTICATED, got %s" % (name, error.code()))
    say("OK unauthenticated")

    diagnose = channel.unary_stream(SERVICE + "Diagnose", request_serializer=msg("DiagnoseRequest").SerializeToString,
                                    response_deserializer=msg("DiagnoseResponse").FromString)
    d = msg("DiagnoseRequest")()
    d.meta.request_id = "py-2"
    d.meta.correlation_id = "py-corr-4"
    progress, results, last = 0, 0, None
    for message in diagnose(d, metadata=auth, timeout=30):
        kind = message.WhichOneof("kind")
        progress += kind == "progress"
        results += kind == "result"
        last = message
    check(progress > 0 and results == 1 and last.WhichOneof("kind") == "result",
          "Diagnose: expected progress then one result, got %d progress, %d results" % (progress, results))
    binaries = [i.binary for i in last.result.evidence.nginx_instances]
    check(binaries == ["/usr/sbin/nginx"], "Diagnose: nginx instances %r" % binaries)
    say("OK diagnose stream (%d progress)" % progress)

    inventory = channel.unary_unary(SERVICE + "GetInventory", request_serializer=msg("GetInventoryRequest").SerializeToString,
                                    response_deserializer=msg("GetInventoryResponse").FromString)
    inv = inventory(msg("GetInventoryRequest")(), metadata=auth, timeout=10)
    lines = [(p.source.file, p.source.line) for i in inv.nginx_instances for p in i.pass_targets]
    check(("/etc/nginx/conf.d/app.conf", 11) in lines, "GetInventory: pass targets %r" % lines)
    say("OK inventory")
    say("ALL OK")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        fail("usage: agent_client.py HOST:PORT DESCRIPTOR_SET TOKEN")
    main(sys.argv[1], sys.argv[2], sys.argv[3])
