using System.Text.Json;

namespace Releng.Jobs.Tickets;

/// <summary>
/// A request's JSON object, read by <see cref="RequestJson"/>: no key twice. The readers refuse a value of the
/// wrong type (<c>bug_id</c> as an object, <c>branch</c> as a list) with the key and where it is in the ticket body.
/// </summary>
public sealed class RequestJsonObject(JsonDocument document, IReadOnlyDictionary<string, string> positions) : IDisposable
{
    public JsonElement Root => document.RootElement;

    public bool Has(string key) => Root.TryGetProperty(key, out _);

    /// <summary>The value of <paramref name="key"/>; false when absent.</summary>
    public bool TryGet(string key, out JsonElement value) => Root.TryGetProperty(key, out value);

    /// <summary>"line 3, column 5" of the ticket body, where <paramref name="key"/> is written.</summary>
    public string? Position(string key) => positions.TryGetValue(key, out var position) ? position : null;

    /// <summary>
    /// Why the value of <paramref name="key"/> is not one of <paramref name="allowed"/> (naming the key, what it must be,
    /// what it is, and where); null when it is, or when the key is absent.
    /// </summary>
    public string? WrongType(string key, params JsonValueKind[] allowed)
    {
        if (!TryGet(key, out var value) || allowed.Contains(value.ValueKind)
            || (allowed.Contains(JsonValueKind.True) && value.ValueKind == JsonValueKind.False))
        {
            return null;
        }
        var expected = string.Join(" or ", allowed.Where(k => k != JsonValueKind.False).Select(Name).Distinct());
        var where = Position(key) is { } position ? $" ({position})" : "";
        return $"{SafeEcho.Code(key)} must be {expected}, not {Name(value.ValueKind)}{where}";
    }

    /// <summary>The first wrong type among <paramref name="expected"/> (key → allowed kinds), in their order; null when none.</summary>
    public string? WrongTypes(IEnumerable<(string Key, JsonValueKind[] Allowed)> expected) =>
        expected.Select(e => WrongType(e.Key, e.Allowed)).FirstOrDefault(problem => problem is not null);

    /// <summary>A string value; null when absent or <c>null</c>. Check the type first with <see cref="WrongType"/>.</summary>
    public string? Text(string key) => TryGet(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public void Dispose() => document.Dispose();

    private static string Name(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
