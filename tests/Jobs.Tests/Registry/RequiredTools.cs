namespace Releng.Jobs.Tests.Registry;

/// <summary>
/// The registry tests run the real skopeo and docker-registry. When they are missing the tests fail (CI installs them),
/// with a message that says how to install them.
/// </summary>
internal static class RequiredTools
{
    public static void Check()
    {
        var missing = new[] { ("skopeo", FindOnPath("skopeo")), ("docker-registry", File.Exists(RegistryServer.Executable) ? RegistryServer.Executable : null) }
            .Where(t => t.Item2 is null)
            .Select(t => t.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The registry tests need {string.Join(" and ", missing)}, which {(missing.Count == 1 ? "is" : "are")} not installed. " +
                "Run .ci/install-tools.sh (as root, or with sudo) to install them.");
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
