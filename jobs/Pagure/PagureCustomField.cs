using System.Text.Json;

namespace Releng.Jobs.Pagure;

/// <summary>A custom field set on an issue; <see cref="KeyType"/> is text, boolean, link, list or date.</summary>
public sealed record PagureCustomField(string Name, string KeyType, string? Value, JsonElement? KeyData = null);
