namespace Releng.Jobs.Configuration;

/// <summary>
/// Where a setting was written: a line and column of a file, a whole file (line 0), or a command-line flag.
/// Error messages start with it, so a release engineer can go straight to the place.
/// </summary>
public sealed record SourceMark(string File, long Line = 0, long Column = 0)
{
    public const string CommandLineName = "command line";

    /// <summary>A flag given on the command line, e.g. <c>--env</c>.</summary>
    public static SourceMark CommandLine(string flag) => new($"{CommandLineName} ({flag})");

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
