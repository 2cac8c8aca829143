using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>Resolves each nginx worker user to uid, primary group and supplementary groups from /etc/passwd and /etc/group.</summary>
public sealed class WorkerUserProbe : IProbe
{
    public string Name => ProbeNames.WorkerUser;
    public ProbeScope Scope => ProbeScope.Inventory;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        string[] names = context.Evidence.Read(b => b.Instances.Select(i => i.WorkerUser).OfType<string>().Distinct().ToArray());
        var identities = names.Select(context.Users.Identity).OfType<UserIdentity>().ToArray();
        context.Evidence.Update(b =>
        {
            foreach (var id in identities) { b.Users[id.Name] = id; }
        });
        if (names.Length == 0) { return Task.FromResult(ProbeOutcome.Skip("no worker user known")); }
        return Task.FromResult(ProbeOutcome.Found(identities.Length, $"of {names.Length} worker users in /etc/passwd"));
    }
}
