namespace Releng.Jobs.Registry;

/// <summary>
/// One run of an external tool: the executable and its arguments as a list (never a shell string), plus environment
/// overrides (a <c>null</c> value removes the variable).
/// </summary>
public sealed record ToolInvocation(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>The command as it would be typed, for logs; arguments with spaces are quoted.</summary>
    public string CommandLine =>
        string.Join(' ', new[] { FileName }.Concat(Arguments).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));
}
