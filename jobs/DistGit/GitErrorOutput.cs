namespace Releng.Jobs.DistGit;

/// <summary>
/// The lines of git's error output that say why a command failed. A push refused by a server hook can bring back
/// hundreds of <c>remote:</c> lines (the hook's own progress); the log and audit get only the refusals
/// (<c>! [rejected]</c>, <c>! [remote rejected]</c>), <c>error:</c>/<c>fatal:</c> lines and remote lines that name an
/// error or a denial. Output with none of those keeps its last lines.
/// </summary>
public static class GitErrorOutput
{
    public const int MaxLines = 12;

    private static readonly string[] RemoteReasons = ["error", "fatal", "denied", "reject", "not allowed", "forbidden", "permission"];

    public static string Reason(string standardError)
    {
        var lines = standardError.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.TrimEnd())
            .Where(line => line.Length > 0)
            .ToList();
        var why = lines.Where(SaysWhy).Distinct().ToList();
        var kept = why.Count > 0 ? why.Take(MaxLines).ToList() : lines.TakeLast(MaxLines).ToList();
        var dropped = lines.Count - kept.Count;
        var text = string.Join('\n', kept);
        return dropped > 0 ? $"{text}\n({dropped} more line(s) of git output left out)" : text;
    }

    private static bool SaysWhy(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("! [", StringComparison.Ordinal) || trimmed.StartsWith("error:", StringComparison.Ordinal)
            || trimmed.StartsWith("fatal:", StringComparison.Ordinal))
        {
            return true;
        }
        return trimmed.StartsWith("remote:", StringComparison.Ordinal)
            && RemoteReasons.Any(reason => trimmed.Contains(reason, StringComparison.OrdinalIgnoreCase));
    }
}
