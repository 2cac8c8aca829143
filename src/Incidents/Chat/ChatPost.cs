namespace Nginx502Bot.Incidents.Chat;

/// <summary>A message the scheduled jobs want posted. <see cref="Text"/> is Markdown; <see cref="ThreadTs"/> threads it.</summary>
public sealed record ChatPost
{
    public required ChatPostKind Kind { get; init; }
    public required string Channel { get; init; }
    public string? ThreadTs { get; init; }
    public required string Text { get; init; }
    public Guid? IncidentId { get; init; }

    /// <summary>A signed link to the relevant page, when there is one.</summary>
    public string? Link { get; init; }
}
