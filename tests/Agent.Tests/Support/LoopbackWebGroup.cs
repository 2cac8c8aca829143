namespace Nginx502Bot.Agent.Tests.Support;

/// <summary>
/// Tests that start plain-HTTP Kestrel servers on loopback run one at a time: the wrong-port scenario ranks local HTTP
/// listeners by port distance, and a parallel test's server next door would make the answer ambiguous.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackWebGroup
{
    public const string Name = "loopback web servers";
}
