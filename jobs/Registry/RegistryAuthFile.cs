using System.Text;
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
    /// Writes one entry per registry host, all with <see cref="Credentials.RegistryUser"/> and
    /// <see cref="Credentials.RegistryPassword"/>; <c>null</c> when the credentials are not set (anonymous access).
    /// </summary>
    public static RegistryAuthFile? Create(Credentials credentials, IEnumerable<string> registries, string? parentDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.RegistryUser is not { } user || credentials.RegistryPassword is not { } password)
        {
            return null;
        }
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        var document = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>
        {
            ["auths"] = registries.Distinct(StringComparer.Ordinal).ToDictionary(r => r, _ => new Dictionary<string, string> { ["auth"] = auth }),
        };

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
