using System.Text;
using System.Text.RegularExpressions;

namespace Releng.Jobs.Tickets;

/// <summary>
/// The hidden state a job leaves in its own comments: <c>&lt;!-- releng-jobs:&lt;kind&gt; v1 key=value … --&gt;</c>,
/// appended to the comment body. Markdown hides it; the API returns it. Values are percent-encoded, so any text is
/// safe. A marker counts only in a comment written by the bot's own account (<see cref="BotComments"/>).
/// </summary>
public sealed partial record BotMarker(string Kind, int Version, IReadOnlyDictionary<string, string> Fields)
{
    public const int CurrentVersion = 1;
    private const string Prefix = "releng-jobs:";

    /// <summary>Field a reply carries to say which command comments it answers: comma-separated comment ids.</summary>
    public const string AnswersField = "answers";

    public string? this[string key] => Fields.TryGetValue(key, out var value) ? value : null;

    /// <summary><c>&lt;!-- releng-jobs:unretire-report v1 hash=ab12 --&gt;</c>. Kind: <c>[a-z0-9-]</c>; keys: <c>[a-z0-9_.-]</c>.</summary>
    public static string Write(string kind, params (string Key, string Value)[] fields)
    {
        if (!KindPattern().IsMatch(kind))
        {
            throw new ArgumentException($"marker kind '{kind}' must match {KindPattern()}", nameof(kind));
        }
        var text = new StringBuilder($"<!-- {Prefix}{kind} v{CurrentVersion}");
        foreach (var (key, value) in fields)
        {
            if (!KeyPattern().IsMatch(key))
            {
                throw new ArgumentException($"marker key '{key}' must match {KeyPattern()}", nameof(fields));
            }
            text.Append(' ').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
        return text.Append(" -->").ToString();
    }

    public static string Write(string kind, IReadOnlyDictionary<string, string> fields) =>
        Write(kind, fields.Select(field => (field.Key, field.Value)).ToArray());

    /// <summary>A comment body with the marker on its own last line.</summary>
    public static string Append(string body, string kind, params (string Key, string Value)[] fields) =>
        $"{body.TrimEnd()}\n\n{Write(kind, fields)}";

    /// <summary>The first marker in <paramref name="text"/>, or null.</summary>
    public static BotMarker? Read(string text) => ReadAll(text).FirstOrDefault();

    public static IReadOnlyList<BotMarker> ReadAll(string text) =>
        MarkerPattern().Matches(text).Select(match =>
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Capture field in match.Groups["field"].Captures)
            {
                var equals = field.Value.IndexOf('=');
                fields[field.Value[..equals]] = Unescape(field.Value[(equals + 1)..]);
            }
            return new BotMarker(match.Groups["kind"].Value, int.Parse(match.Groups["version"].Value), fields);
        }).ToList();

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex KindPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"<!--\s*releng-jobs:(?<kind>[a-z0-9][a-z0-9-]*)\s+v(?<version>\d{1,6})(?:\s+(?<field>[a-z0-9][a-z0-9_.-]*=[^\s>]*))*\s*-->")]
    private static partial Regex MarkerPattern();
}
