using Releng.Jobs.Workflows;

namespace Releng.Jobs.Tests.Workflows;

public sealed class ScheduleAdviceTests
{
    [Theory]
    [InlineData("17 */2 * * *")]
    [InlineData("43 6 * * 1")]
    [InlineData("5-55/10 * * * *")]
    public void An_off_hour_schedule_every_5_minutes_or_less_often_is_fine(string cron) => Assert.Empty(ScheduleAdvice.Review(cron));

    [Theory]
    [InlineData("0 6 * * *")]
    [InlineData("0,30 * * * *")]
    [InlineData("*/5 * * * *")]
    public void A_schedule_that_fires_at_minute_0_is_warned_about(string cron)
    {
        var advice = Assert.Single(ScheduleAdvice.Review(cron));
        Assert.Contains("minute 0", advice);
    }

    [Theory]
    [InlineData("7,9 * * * *", 2)]
    [InlineData("1-59/3 * * * *", 3)]
    public void A_schedule_more_frequent_than_every_5_minutes_is_warned_about(string cron, int minutes)
    {
        var advice = Assert.Single(ScheduleAdvice.Review(cron));
        Assert.Contains($"every {minutes} minute", advice);
    }

    [Fact]
    public void Every_minute_gets_both_warnings() => Assert.Equal(2, ScheduleAdvice.Review("* * * * *").Count);
}
