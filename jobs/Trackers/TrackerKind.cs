namespace Releng.Jobs.Trackers;

/// <summary>The forges a ticket tracker can live on.</summary>
public enum TrackerKind
{
    /// <summary>Fedora Forge (Forgejo, forge.fedoraproject.org): where the releng trackers are today.</summary>
    Forge,
    /// <summary>pagure.io, where they were until 2026.</summary>
    Pagure,
}
