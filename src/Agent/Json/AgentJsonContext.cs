using System.Text.Json.Serialization;
using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent.Json;

/// <summary>
/// Source-generated JSON for the <c>probe</c> command's output (no reflection: NativeAOT). Serialization only: the
/// agent never reads this JSON back, and the fast-path writers alone are a fraction of the metadata code the default
/// mode adds to the AOT binary (whose size is its idle RSS, see docs/agent.md).
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization, WriteIndented = true, UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiagnosisReport))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
