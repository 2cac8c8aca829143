using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Resolution;

namespace Nginx502Bot.Agent.Service;

/// <summary>The engine's finding refined by host evidence, with the structured resolution (facts citing probe and file:line).</summary>
public sealed record ResolvedFinding(Finding Finding, RootCauseResolution Resolution);
