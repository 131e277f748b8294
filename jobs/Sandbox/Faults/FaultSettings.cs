using System.Globalization;

namespace Releng.Jobs.Sandbox.Faults;

/// <summary>
/// <c>--faults=&lt;rate&gt;</c> (or the scenario's <c>faults:</c>): the share of requests every fake answers with a
/// fault, and the seed that decides which ones, printed so a failing run can be replayed with <c>--fault-seed</c>.
/// </summary>
public sealed record FaultSettings(double Rate, int Seed)
{
    /// <summary>The kinds of fault to choose from, evenly; all three unless a test wants one.</summary>
    public IReadOnlyList<FaultKind> Kinds { get; init; } = [FaultKind.Unavailable, FaultKind.DroppedBefore, FaultKind.DroppedAfter];

    public static FaultSettings Create(double rate, int? seed)
    {
        if (double.IsNaN(rate) || rate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "a fault rate is between 0 and 1");
        }
        return new FaultSettings(rate, seed ?? Random.Shared.Next());
    }

    public override string ToString() =>
        $"faults: {Rate.ToString("0.###", CultureInfo.InvariantCulture)} of requests, seed {Seed} " +
        $"(replay with --faults={Rate.ToString("0.###", CultureInfo.InvariantCulture)} --fault-seed={Seed})";
}
