using System.ComponentModel.DataAnnotations;

namespace Nginx502Bot.Bot.Agents;

/// <summary>Host agents the bot fans out to (section <c>Agents</c>). Empty: the bot diagnoses pasted lines only.</summary>
public sealed class AgentsOptions : IValidatableObject
{
    public const string SectionName = "Agents";

    public List<AgentEndpoint> Endpoints { get; set; } = [];

    /// <summary>How long inventories (server names, upstreams) are reused before they are asked again. Default 30 s.</summary>
    public TimeSpan InventoryMaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of a Health or GetInventory call. Default 2 s.</summary>
    public TimeSpan InventoryTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var e in Endpoints)
        {
            if (!Uri.TryCreate(e.Address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"Agents:Endpoints '{e.Name}': Address must be an http(s) URL, got '{e.Address}'.");
            }
            else if (uri.Scheme == "http" && !uri.IsLoopback)
            {
                yield return new ValidationResult($"Agents:Endpoints '{e.Name}': plain h2c (http://) is only allowed on loopback; use https://.");
            }

            if (string.IsNullOrEmpty(e.Token) && string.IsNullOrEmpty(e.TokenFile))
            {
                yield return new ValidationResult($"Agents:Endpoints '{e.Name}': a Token or TokenFile is required (agents refuse unauthenticated calls).");
            }
        }
    }
}
