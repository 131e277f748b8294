using System.Text.Json;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Registry;

/// <summary>
/// A short-lived containers auth file (Docker <c>config.json</c> format) holding the registry credentials, readable
/// only by this user, so credentials reach skopeo through <c>--authfile</c> and never through its command line.
/// Deleted on dispose.
/// </summary>
public sealed class RegistryAuthFile : IDisposable
{
    private readonly DirectoryInfo _directory;

    private RegistryAuthFile(DirectoryInfo directory, string path)
    {
        _directory = directory;
        Path = path;
    }

    public string Path { get; }

    /// <summary>
    /// Writes one entry per registry host: the registry's own login (<see cref="RegistryLogins"/>: its user and
    /// password, or its entry copied from its auth file), else the shared <see cref="Credentials.RegistryUser"/> and
    /// <see cref="Credentials.RegistryPassword"/>; <c>null</c> when no registry has any (anonymous access).
    /// </summary>
    public static RegistryAuthFile? Create(Credentials credentials, IEnumerable<string> registries, string? parentDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var auths = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var registry in registries.Distinct(StringComparer.Ordinal))
        {
            if (Entry(credentials, registry) is { } entry)
            {
                auths[registry] = entry;
            }
        }
        if (auths.Count == 0)
        {
            return null;
        }
        var document = new Dictionary<string, Dictionary<string, JsonElement>> { ["auths"] = auths };

        // CreateTempSubdirectory makes the directory 0700 on Unix; the file itself is created 0600.
        var directory = parentDirectory is null || OperatingSystem.IsWindows()
            ? Directory.CreateTempSubdirectory("releng-auth-")
            : Directory.CreateDirectory(
                System.IO.Path.Combine(parentDirectory, $"auth-{Guid.NewGuid():N}"),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = System.IO.Path.Combine(directory.FullName, "auth.json");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, document);
        }
        return new RegistryAuthFile(directory, path);
    }

    private static JsonElement? Entry(Credentials credentials, string registry)
    {
        var login = credentials.Registries.For(registry);
        if (login?.AuthFile is { } file)
        {
            return EntryFromFile(file, registry);
        }
        var (user, password) = login is { User: { } u, Password: { } p } ? (u, p) : (credentials.RegistryUser, credentials.RegistryPassword);
        if (user is null || password is null)
        {
            return null;
        }
        var auth = AuthFileSecrets.AuthOf(user, password);
        return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["auth"] = auth });
    }

    /// <summary>The registry's entry of a containers auth file (keyed by the host, or by host/namespace).</summary>
    private static JsonElement EntryFromFile(string file, string registry)
    {
        var variable = RegistryLogins.VariablePrefix(registry) + "AUTH_FILE";
        if (!File.Exists(file))
        {
            throw new RegistryPublishException($"the auth file named by {variable} does not exist");
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.TryGetProperty("auths", out var auths))
            {
                foreach (var entry in auths.EnumerateObject())
                {
                    if (entry.Name == registry || entry.Name.StartsWith(registry + "/", StringComparison.Ordinal))
                    {
                        return entry.Value.Clone();
                    }
                }
            }
        }
        catch (JsonException)
        {
            throw new RegistryPublishException($"the auth file named by {variable} is not a containers auth file (JSON with \"auths\")");
        }
        throw new RegistryPublishException($"the auth file named by {variable} has no entry for {registry}");
    }

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
