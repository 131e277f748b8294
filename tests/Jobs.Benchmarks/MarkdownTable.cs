using System.Globalization;
using System.Text;

namespace Releng.Jobs.Benchmarks;

public static class MarkdownTable
{
    public static string Render(IEnumerable<BenchmarkRow> rows)
    {
        var table = new StringBuilder();
        table.AppendLine("| Benchmark | Variant | HTTP requests | Requests/ticket | Wall time | Peak memory | Concurrency | Goal | Notes |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Benchmark} | {row.Variant} | {row.Requests} | {Format(row.RequestsPerTicket, "0.0")} | {Wall(row.WallTime)} | " +
                $"{(row.PeakMemoryBytes is { } bytes ? $"{bytes / (1024.0 * 1024.0):0} MiB" : "")} | {Format(row.Concurrency, "0.0")} | {row.Goal} | {row.Notes} |");
        }
        return table.ToString();
    }

    private static string Wall(TimeSpan wall) =>
        wall.TotalSeconds >= 10 ? wall.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture)
        : wall.TotalSeconds >= 1 ? wall.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture)
        : wall.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Format(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
