namespace Nginx502Bot.Incidents.Digests;

/// <summary>A root cause or upstream with how many incidents (or 502s) it accounts for.</summary>
public sealed record CountByKey(string Key, long Count);
