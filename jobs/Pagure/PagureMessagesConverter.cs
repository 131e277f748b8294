using System.Text.Json;
using System.Text.Json.Serialization;

namespace Releng.Jobs.Pagure;

/// <summary>
/// Pagure's <c>message</c> is a list of changes (<c>["Issue status updated to: Closed (was: Open)", …]</c>) or a single
/// string (<c>"No changes"</c>, <c>"Issue assigned"</c>); both read as a list.
/// </summary>
public sealed class PagureMessagesConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return [reader.GetString()!];
            case JsonTokenType.Null:
                return [];
            case JsonTokenType.StartArray:
                var messages = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    messages.Add(reader.TokenType == JsonTokenType.String
                        ? reader.GetString()!
                        : JsonDocument.ParseValue(ref reader).RootElement.GetRawText());
                }
                return messages;
            default:
                throw new JsonException($"expected a message string or list, got {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var message in value)
        {
            writer.WriteStringValue(message);
        }
        writer.WriteEndArray();
    }
}
