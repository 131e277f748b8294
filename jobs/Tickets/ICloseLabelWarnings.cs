namespace Releng.Jobs.Tickets;

/// <summary>
/// A tracker that records a close status as a label it may lack (Fedora Forge's <c>Closed As/…</c>): it says, for the
/// plan, when closing with a status would not record it. It never creates a missing label.
/// </summary>
public interface ICloseLabelWarnings
{
    /// <summary>Why closing tickets of <paramref name="project"/> as <paramref name="closeStatus"/> would not record the status; null when it would.</summary>
    Task<string?> CloseLabelWarningAsync(string project, string closeStatus, CancellationToken cancellationToken = default);
}
