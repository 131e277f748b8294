namespace Releng.Jobs.Planning;

/// <summary>
/// A releng process. <see cref="PlanAsync"/> only reads the systems and reasons; every write lives in the returned
/// decisions' steps, which run only with <c>--apply</c>.
/// </summary>
public interface IJob
{
    Task<Plan> PlanAsync(CancellationToken cancellationToken);

    /// <summary>What the job decides about (e.g. one image), for the audit line of a plan that fails; null: the job's name.</summary>
    string? Subject => null;
}
