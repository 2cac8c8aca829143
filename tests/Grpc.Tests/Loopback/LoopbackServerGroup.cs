namespace Nginx502Bot.Grpc.Tests.Loopback;

/// <summary>Tests sharing one Kestrel server; they run one class at a time, so the recorded signals stay unambiguous.</summary>
[CollectionDefinition(nameof(LoopbackServerGroup))]
public sealed class LoopbackServerGroup : ICollectionFixture<GrpcServerFixture>;
