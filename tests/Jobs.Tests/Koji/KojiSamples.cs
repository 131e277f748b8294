namespace Releng.Jobs.Tests.Koji;

/// <summary>Real hub request/response bodies copied from the reference samples.</summary>
internal static class KojiSamples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "koji", name));
}
