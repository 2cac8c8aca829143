using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>An upstream block's <c>server</c> line that names the finding's target: the line to edit when the backend moved.</summary>
public sealed record UpstreamListing(UpstreamBlock Upstream, UpstreamMember Member);
