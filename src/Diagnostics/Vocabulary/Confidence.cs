namespace Nginx502Bot.Diagnostics.Vocabulary;

/// <summary>How sure a finding is: High when the records alone decide, Medium when a likely cause needs host evidence, Low otherwise.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}
