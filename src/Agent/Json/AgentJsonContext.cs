using System.Text.Json.Serialization;
using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent.Json;

/// <summary>Source-generated JSON for the <c>probe</c> command's output (no reflection: NativeAOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiagnosisReport))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
