using System.Net;
using Microsoft.Extensions.Options;

namespace Nginx502Bot.Agent.Serve;

/// <summary>Refuses to start unprotected: no token, a short token, plain h2c off loopback, TLS without a certificate.</summary>
public sealed class ServeOptionsValidator : IValidateOptions<ServeOptions>
{
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, ServeOptions o)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(o.Address, out var ip)) { failures.Add("Serve:Address must be an IP address."); }
        if (o.Port is < 0 or > 65535) { failures.Add("Serve:Port must be 0..65535."); }
        if (o.Insecure && ip is not null && !IPAddress.IsLoopback(ip)) { failures.Add("Serve:Insecure (h2c) is only allowed on a loopback address."); }
        if (!o.Insecure && string.IsNullOrEmpty(o.CertificatePath)) { failures.Add("Serve:CertificatePath is required unless Serve:Insecure is set on loopback."); }
        if ((o.ResolveToken() ?? "").Length < MinTokenLength) { failures.Add($"Serve:Token (or Serve:TokenFile) must hold a token of at least {MinTokenLength} characters."); }
        if (o.RateLimitPerMinute < 1) { failures.Add("Serve:RateLimitPerMinute must be at least 1."); }
        if (o.MaxConcurrentDiagnoses < 1) { failures.Add("Serve:MaxConcurrentDiagnoses must be at least 1."); }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
