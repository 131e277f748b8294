namespace Releng.Jobs.Relay;

/// <summary>
/// The delivery ids (<c>X-Forgejo-Delivery</c>) seen lately, oldest forgotten first once <see cref="Capacity"/> is
/// reached. In memory only: after a restart a redelivered event dispatches again, which the jobs tolerate (a second
/// run makes zero writes).
/// </summary>
public sealed class DeliveryLog(int capacity = 10_000)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Records <paramref name="delivery"/>; false when it was already recorded (a replay).</summary>
    public bool TryClaim(string delivery)
    {
        lock (_lock)
        {
            if (!_seen.Add(delivery))
            {
                return false;
            }
            _order.Enqueue(delivery);
            while (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }
            return true;
        }
    }

    /// <summary>Forgets <paramref name="delivery"/> so the forge's retry of a delivery that failed here is handled.</summary>
    public void Release(string delivery)
    {
        lock (_lock)
        {
            // The id stays in the queue; removing it from the set is enough for it to be claimed again.
            _seen.Remove(delivery);
        }
    }
}
