namespace Releng.Jobs.Reviews;

/// <summary>One failed rule and the sentence to post (the exact wording packagers know from the SCM request tooling).</summary>
public sealed record ReviewProblem(ReviewRule Rule, string Message);
