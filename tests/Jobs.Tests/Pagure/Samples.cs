using System.Text.Json;
using Releng.Jobs.Pagure;

namespace Releng.Jobs.Tests.Pagure;

/// <summary>The real Pagure responses kept under Samples/pagure (captured from a Pagure API 0.31 server).</summary>
internal static class Samples
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "pagure", name));

    public static T Read<T>(string name) => JsonSerializer.Deserialize<T>(Text(name), PagureJson.Options)!;
}
