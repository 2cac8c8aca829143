namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>Entry point for bounded input: parse, classify and group text in one call.</summary>
public static class DiagnosisEngine
{
    /// <summary>Analyses error-log text (nginx lines and companion lines, any wrapping). Never throws on bad input.</summary>
    public static Diagnosis Analyze(string text) => throw new NotImplementedException("engine lands in the next commit");
}
