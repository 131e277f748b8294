using System.Text;
using System.Text.Json;

namespace Releng.Jobs.Tickets;

/// <summary>
/// The one strict reader of the JSON object a request ticket carries (<c>fedpkg request-repo</c>,
/// <c>request-branch</c>, <c>request-unretirement</c>), for every ticket job. Strict where a lenient reader would
/// guess: a key given twice is refused (with a lenient reader the last one silently wins), a body over
/// <see cref="MaxBodyLength"/> characters is refused unread, and broken JSON is refused with the line and column
/// of the ticket body where it breaks. The fence around the JSON (<c>```</c> or <c>```json</c>) is optional. The
/// value readers (<see cref="RequestJsonObject.Text"/> …) refuse a value of the wrong type with the key and its
/// position. Every refusal is a sentence to post on the ticket (through <see cref="SafeEcho"/>), never an exception.
/// </summary>
public static class RequestJson
{
    /// <summary>Request tickets are small; anything longer is not a request (and is not worth parsing).</summary>
    public const int MaxBodyLength = 20_000;

    private const int MaxDepth = 8;

    /// <summary>
    /// The request object of <paramref name="body"/>: inside the first <c>```</c> fence, or without one from the
    /// first <c>{</c> to the last <c>}</c>; or why there is none.
    /// </summary>
    public static RequestJsonResult Parse(string body)
    {
        if (body.Length > MaxBodyLength)
        {
            return RequestJsonResult.Invalid($"the body is longer than {MaxBodyLength} characters");
        }
        var (start, end) = Locate(body);
        if (start < 0)
        {
            return RequestJsonResult.NotJson("it holds no JSON object");
        }
        var text = body[start..end];
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(body, start, bytes);
        try
        {
            var properties = ReadTopLevel(bytes, lines);
            if (properties is null)
            {
                return RequestJsonResult.Invalid("it is JSON but not an object (`{ … }`)");
            }
            if (properties.Value.Duplicate is { } duplicate)
            {
                return RequestJsonResult.Invalid(
                    $"the key {SafeEcho.Code(duplicate.Name)} is given twice (again at {duplicate.Position}); give each key once");
            }
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
            return RequestJsonResult.Valid(new RequestJsonObject(document, properties.Value.Positions));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? lines.Describe(line, e.BytePositionInLine ?? 0) : null;
            return RequestJsonResult.NotJson(where is null ? "broken JSON" : $"broken JSON at {where}");
        }
    }

    /// <summary>Where the JSON text lies in <paramref name="body"/>: inside the fence, or from the first <c>{</c> to the last <c>}</c>.</summary>
    private static (int Start, int End) Locate(string body)
    {
        var open = body.IndexOf("```", StringComparison.Ordinal);
        if (open >= 0)
        {
            var contentStart = body.IndexOf('\n', open);
            var close = contentStart < 0 ? -1 : body.IndexOf("```", contentStart, StringComparison.Ordinal);
            if (contentStart >= 0)
            {
                // ```json on the opening line is a language tag; anything else after the fence starts the JSON.
                var tag = body[(open + 3)..contentStart].Trim();
                var start = tag.Length == 0 || tag.Equals("json", StringComparison.OrdinalIgnoreCase) ? contentStart + 1 : open + 3;
                return (start, close < 0 ? body.Length : close);
            }
            return (open + 3, body.Length);
        }
        var brace = body.IndexOf('{', StringComparison.Ordinal);
        var last = body.LastIndexOf('}');
        return brace < 0 || last < brace ? (-1, -1) : (brace, last + 1);
    }

    private readonly record struct TopLevel(IReadOnlyDictionary<string, string> Positions, (string Name, string Position)? Duplicate);

    /// <summary>The top-level keys with their positions, and the first key given twice at any depth; null when the root is no object.</summary>
    private static TopLevel? ReadTopLevel(byte[] bytes, LineMap lines)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // Let the full parse report broken JSON with its position.
            while (reader.Read())
            {
            }
            return null;
        }
        var positions = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new Stack<HashSet<string>>();
        seen.Push(new HashSet<string>(StringComparer.Ordinal));
        (string, string)? duplicate = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    seen.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    seen.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    var position = lines.At(reader.TokenStartIndex);
                    if (!seen.Peek().Add(name))
                    {
                        duplicate ??= (name, position);
                    }
                    else if (seen.Count == 1)
                    {
                        positions[name] = position;
                    }
                    break;
            }
        }
        return new TopLevel(positions, duplicate);
    }

    /// <summary>Turns positions in the JSON text into "line L, column C" of the whole ticket body (1-based).</summary>
    private sealed class LineMap(string body, int start, byte[] json)
    {
        private readonly int _firstLine = body.AsSpan(0, start).Count('\n');
        private readonly int _firstColumn = start - (body.LastIndexOf('\n', Math.Max(0, start - 1)) + 1);

        public string At(long byteOffset)
        {
            var before = Encoding.UTF8.GetString(json, 0, (int)Math.Min(byteOffset, json.Length));
            var line = before.Count(c => c == '\n');
            var column = before.Length - (before.LastIndexOf('\n') + 1);
            return Describe(line, column);
        }

        public string Describe(long line, long column) =>
            $"line {_firstLine + line + 1}, column {(line == 0 ? _firstColumn : 0) + column + 1}";
    }
}
