using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Releng.Jobs.Pagure;

/// <summary>
/// Pagure sends times as strings of Unix epoch seconds: fractional on current servers (<c>"1795557104.873427"</c>),
/// whole on older ones (<c>"1427442217"</c>). Numbers are accepted too, for robustness.
/// </summary>
public sealed class PagureTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var seconds = reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String when decimal.TryParse(
                reader.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new JsonException($"expected epoch seconds, got {reader.TokenType} '{ReadText(ref reader)}'"),
        };
        return FromEpochSeconds(seconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static DateTimeOffset FromEpochSeconds(decimal seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>Formats like Pagure (Python's <c>str(float)</c>): microseconds, trailing zeros dropped, at least <c>.0</c>.</summary>
    public static string Format(DateTimeOffset value)
    {
        var microseconds = (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return (microseconds / 1_000_000m).ToString("0.0#####", CultureInfo.InvariantCulture);
    }

    private static string ReadText(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.String ? reader.GetString() ?? "" : reader.TokenType.ToString();
}
