namespace Releng.Jobs.Registry;

/// <summary>An external tool the jobs need is not installed.</summary>
public sealed class ToolNotFoundException(string fileName, Exception? inner = null)
    : Exception($"'{fileName}' is not installed or not on PATH; run .ci/install-tools.sh to install the tools the jobs need.", inner)
{
    public string FileName { get; } = fileName;
}
