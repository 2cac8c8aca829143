using System.Globalization;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Remediation;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>Turns aggregated state into a <see cref="Finding"/>: facts from the records, likely causes and commands from the catalog.</summary>
public static class FindingExplainer
{
    private const int MaxCompanionEvidence = 6;

    public static Finding Explain(FindingState state, string rootCause, IReadOnlyList<FindingState> related)
    {
        var servers = state.Servers.Items;
        var pool = related.Select(r => r.Target).FirstOrDefault(t => t.Length > 0) ?? (state.Cause is Causes.FpmPoolExhausted or Causes.AppCrash or Causes.OomKilled ? state.Target : null);
        var parts = TargetParts.Parse(state.Target);
        var advice = RemediationCatalog.For(rootCause, parts, state.Scheme, servers.FirstOrDefault(s => s.Length > 0), NullIfEmpty(pool));
        var facts = Facts(state, related);
        var refined = rootCause != state.Cause;
        var evidence = state.Evidence.Concat(state.LastRecord is { } last && !state.Evidence.Contains(last) ? [last] : [])
            .Concat(related.SelectMany(r => r.Evidence).Take(MaxCompanionEvidence)).ToList();
        return new Finding
        {
            Cause = state.Cause,
            RootCause = rootCause,
            Target = state.Target.Length == 0 ? null : state.Target,
            Scheme = state.Scheme,
            Count = state.Count,
            FirstSeen = state.First,
            LastSeen = state.Last,
            Servers = servers,
            MoreServers = state.Servers.More,
            Hosts = state.Hosts.Items,
            Paths = state.Paths.Items,
            MorePaths = state.Paths.More,
            Statuses = state.Statuses,
            RetriedRequests = state.RetriedRequests,
            Confidence = refined ? Confidence.High : advice.Confidence,
            Summary = Summary(state, rootCause, advice),
            Facts = facts,
            LikelyCauses = refined ? [] : advice.LikelyCauses,
            Evidence = evidence,
            Remediation = advice.Commands,
            ToConfirm = refined ? [] : advice.ToConfirm,
        };
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string Summary(FindingState state, string rootCause, Advice advice)
    {
        // Status keys (strings), not the key/count pairs, go through LINQ: pairs of value types cost the AOT agent instantiations.
        var counts = state.Statuses;
        var statuses = string.Join(", ", counts.Keys.Where(k => k is not ("-" or FindingState.Retried)).OrderByDescending(k => counts[k]).Select(k => $"{counts[k]}× {k}"));
        var seen = statuses.Length > 0 ? $" Clients saw {statuses}." : string.Empty;
        return $"{rootCause}: {advice.Meaning}{seen}";
    }

    private static List<string> Facts(FindingState state, IReadOnlyList<FindingState> related)
    {
        var facts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{state.Count} record(s) classified {state.Cause}{(state.Target.Length > 0 ? $" for {state.Target}" : string.Empty)}{(state.Scheme is null ? string.Empty : $" ({state.Scheme})")}."),
        };
        if (state.First is { } first)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"First {first:yyyy-MM-dd HH:mm:ss}, last {state.Last:yyyy-MM-dd HH:mm:ss} (log time)."));
        }

        var servers = state.Servers.Items.Where(s => s.Length > 0).ToList();
        if (servers.Count > 0)
        {
            facts.Add($"Server names: {string.Join(", ", servers)}{More(state.Servers.More)}.");
        }

        var paths = state.Paths.Items;
        if (paths.Count > 0)
        {
            facts.Add($"Paths: {string.Join(", ", paths.Take(10))}{More(state.Paths.More + Math.Max(0, paths.Count - 10))}.");
        }

        if (state.Statuses.TryGetValue(FindingState.Retried, out var retried))
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"{retried} request(s) were then tried on another member: their clients got that attempt's status, not this one's."));
        }

        if (state.RetriedRequests > 0)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"{state.RetriedRequests} request(s) had already failed on another member before this one."));
        }

        foreach (var r in related)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{r.Count} {r.Cause} record(s){(r.Target.Length > 0 ? $" ({r.Target})" : string.Empty)} within {FindingAggregator.CorrelationSeconds}s of these failures."));
        }

        return facts;
    }

    private static string More(int more) => more > 0 ? $" and {more} more" : string.Empty;
}
