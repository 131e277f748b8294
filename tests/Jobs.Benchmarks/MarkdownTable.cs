using System.Globalization;
using System.Text;

namespace Releng.Jobs.Benchmarks;

public static class MarkdownTable
{
    public static string Render(IEnumerable<BenchmarkRow> rows)
    {
        var table = new StringBuilder();
        table.AppendLine("| Benchmark | Variant | HTTP requests | Wall time | Notes |");
        table.AppendLine("|---|---|---:|---:|---|");
        foreach (var row in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Benchmark} | {row.Variant} | {row.Requests} | {row.WallTime.TotalMilliseconds:N0} ms | {row.Notes} |");
        }
        return table.ToString();
    }
}
