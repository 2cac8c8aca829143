using System.Reflection;

namespace Nginx502Bot.Diagnostics.Tests;

/// <summary>The engine stays pure: no infrastructure (habits.md 7).</summary>
public class ArchitectureTests
{
    [Fact]
    public void DiagnosticsAssembly_ReferencesNoInfrastructure()
    {
        var forbidden = new[] { "Microsoft.AspNetCore", "Npgsql", "Dapper", "Quartz", "Google.Protobuf", "System.Net.Http", "Microsoft.Extensions.Hosting", "Nginx502Bot.Grpc" };
        var references = typeof(Analysis.DiagnosisEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void NoAsyncVoidMethods()
    {
        var asyncVoid = typeof(Analysis.DiagnosisEngine).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(void) && m.GetCustomAttribute<System.Runtime.CompilerServices.AsyncStateMachineAttribute>() is not null);
        Assert.Empty(asyncVoid);
    }
}
