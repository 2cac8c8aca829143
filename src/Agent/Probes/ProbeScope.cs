namespace Nginx502Bot.Agent.Probes;

public enum ProbeScope
{
    Inventory,
    Diagnosis,
}
