using System.Text;

namespace Releng.Jobs.Registry;

/// <summary>
/// What a tool run produced. Standard output is kept as bytes because a manifest's digest covers its exact bytes.
/// </summary>
public sealed record ToolResult(int ExitCode, byte[] StandardOutput, string StandardError)
{
    public string StandardOutputText => Encoding.UTF8.GetString(StandardOutput);
}
