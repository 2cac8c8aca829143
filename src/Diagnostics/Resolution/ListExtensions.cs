namespace Nginx502Bot.Diagnostics.Resolution;

internal static class ListExtensions
{
    /// <summary>The first element or null (CA1826 prefers indexing over Enumerable.FirstOrDefault on lists).</summary>
    public static T? Head<T>(this IReadOnlyList<T> list) where T : class => list.Count > 0 ? list[0] : null;
}
