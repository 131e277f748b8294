using System.Text;
using System.Text.Json;

namespace Releng.Jobs.Secrets;

/// <summary>
/// The credential values of a containers auth file (Docker <c>config.json</c> format): each entry's <c>auth</c>
/// (base64 of <c>user:password</c>) and the password decoded from it, <c>password</c>, <c>identitytoken</c> and
/// <c>registrytoken</c>. User names are not secret and are left out.
/// </summary>
public static class AuthFileSecrets
{
    private static readonly string[] TokenFields = ["password", "identitytoken", "registrytoken"];

    /// <summary>The secrets of the file at <paramref name="path"/>; none when it is missing or not JSON (the push says so).</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static IReadOnlyList<string> Parse(string json)
    {
        var secrets = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("auths", out var auths)
                || auths.ValueKind != JsonValueKind.Object)
            {
                return [];
            }
            foreach (var entry in auths.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Object))
            {
                if (Text(entry.Value, "auth") is { } auth)
                {
                    secrets.Add(auth);
                    if (PasswordOf(auth) is { } password)
                    {
                        secrets.Add(password);
                    }
                }
                secrets.AddRange(TokenFields.Select(field => Text(entry.Value, field)).OfType<string>());
            }
        }
        catch (JsonException)
        {
            return [];
        }
        return secrets;
    }

    /// <summary>An entry's <c>auth</c> value for a user and password, as the auth file written for skopeo holds it.</summary>
    public static string AuthOf(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static string? Text(JsonElement entry, string field) =>
        entry.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static string? PasswordOf(string auth)
    {
        var bytes = new byte[auth.Length];
        if (!Convert.TryFromBase64String(auth, bytes, out var written))
        {
            return null;
        }
        var pair = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < pair.Length - 1 ? pair[(colon + 1)..] : null;
    }
}
