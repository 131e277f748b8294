namespace Releng.Jobs.Reviews;

/// <summary>
/// When an unretirement needs a new review: a package retired more than 8 weeks (56 days, strictly more) ago
/// must pass a re-review under <see cref="ReviewBugRules"/>; younger retirements need none. Unretiring an EPEL
/// branch of a package that is still alive in Fedora needs no re-review either (the job decides that case).
/// </summary>
public static class UnretirementReviewPolicy
{
    public static TimeSpan ReviewWindow { get; } = TimeSpan.FromDays(56);

    /// <summary>Where packagers learn how to claim a retired package; linked when a required review bug is missing.</summary>
    public const string ClaimingDocsUrl =
        "https://docs.fedoraproject.org/en-US/package-maintainers/Package_Retirement_Process/#claiming";

    public static bool IsReviewRequired(DateTimeOffset retiredAt, DateTimeOffset now) => now - retiredAt > ReviewWindow;
}
