using Releng.Jobs.Reviews;

namespace Releng.Jobs.Tests.Reviews;

public sealed class UnretirementReviewPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Package_retired_exactly_8_weeks_ago_needs_no_review() =>
        Assert.False(UnretirementReviewPolicy.IsReviewRequired(Now.AddDays(-56), Now));

    [Fact]
    public void Package_retired_8_weeks_and_a_minute_ago_needs_a_review() =>
        Assert.True(UnretirementReviewPolicy.IsReviewRequired(Now.AddDays(-56).AddMinutes(-1), Now));

    [Fact]
    public void Package_retired_9_weeks_ago_needs_a_review() =>
        Assert.True(UnretirementReviewPolicy.IsReviewRequired(Now.AddDays(-63), Now));
}
