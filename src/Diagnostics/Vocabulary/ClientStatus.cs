namespace Nginx502Bot.Diagnostics.Vocabulary;

/// <summary>
/// The status a client most likely saw. Held as an <see cref="int"/>; <see cref="Http09"/> (9) stands for nginx's
/// HTTP/0.9 fallback, which the access log writes as <c>009</c>. <c>null</c> means no status follows from the record.
/// </summary>
public static class ClientStatus
{
    public const int Http09 = 9;

    /// <summary>Text as an operator reads it: "502", "009" or "-".</summary>
    public static string Format(int? status) => status switch
    {
        null => "-",
        Http09 => "009",
        _ => status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
