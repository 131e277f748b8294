using Releng.Jobs.Relay;

namespace Releng.Jobs.Tests.Relay;

public sealed class DeliveryLogTests
{
    [Fact]
    public void An_id_is_claimed_once_until_released()
    {
        var log = new DeliveryLog();

        Assert.True(log.TryClaim("a"));
        Assert.False(log.TryClaim("a"));
        log.Release("a");
        Assert.True(log.TryClaim("a"));
    }

    [Fact]
    public void The_oldest_ids_are_forgotten_past_the_capacity()
    {
        var log = new DeliveryLog(capacity: 2);
        log.TryClaim("a");
        log.TryClaim("b");
        log.TryClaim("c");

        Assert.True(log.TryClaim("a"));
        Assert.False(log.TryClaim("c"));
    }
}
