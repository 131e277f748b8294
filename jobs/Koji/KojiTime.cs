using System.Globalization;

namespace Releng.Jobs.Koji;

/// <summary>
/// Koji's time formats. The hub returns times as strings (<c>"2026-11-24 21:47:19.149215+00:00"</c>, no fraction when
/// zero) and epoch-second floats (<c>*_ts</c>); it takes epoch seconds or timestamp strings, never
/// <c>dateTime.iso8601</c> (that is fault 1).
/// </summary>
public static class KojiTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss.FFFFFFzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss"];

    public static DateTimeOffset? Parse(string? text) =>
        text is null
            ? null
            : DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time
                : throw new FormatException($"'{text}' is not a Koji timestamp");

    /// <summary>How the hub writes a time: UTC, microseconds, fraction omitted when zero.</summary>
    public static string Format(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var text = utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff",
            CultureInfo.InvariantCulture);
        return text + "+00:00";
    }

    /// <summary>What to send for a time argument (createdAfter, completeAfter, before, …): epoch seconds as a double.</summary>
    public static double ToEpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    public static DateTimeOffset FromEpochSeconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
