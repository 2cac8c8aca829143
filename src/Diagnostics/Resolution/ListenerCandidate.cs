using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>
/// A listener that may be the backend nginx meant, with its <see cref="ListenerCandidates"/> score (higher is likelier).
/// A class rather than a tuple: LINQ over a value tuple costs the NativeAOT agent a set of generic instantiations.
/// </summary>
public sealed record ListenerCandidate(Listener Listener, int Score);
