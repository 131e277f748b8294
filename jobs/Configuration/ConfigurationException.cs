using YamlDotNet.Core;

namespace Releng.Jobs.Configuration;

/// <summary>A configuration or usage error: the run stops with exit code 2 and this one message.</summary>
public sealed class ConfigurationException(string file, long line, long column, string problem)
    : Exception(line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}")
{
    /// <summary>An error at a place in a file, or about a whole file (<see cref="SourceMark.Line"/> 0), or about a flag.</summary>
    public ConfigurationException(SourceMark at, string problem) : this(at.File, at.Line, at.Column, problem)
    {
    }

    public string File { get; } = file;
    public long Line { get; } = line;
    public long Column { get; } = column;
    public string Problem { get; } = problem;

    public SourceMark At => new(File, Line, Column);

    /// <summary>A wrong or missing command-line flag, e.g. <c>--env</c>: the message says "command line (--env)".</summary>
    public static ConfigurationException CommandLine(string flag, string problem) => new(SourceMark.CommandLine(flag), problem);

    public static ConfigurationException FromYaml(string file, YamlException e)
    {
        // YamlDotNet wraps the useful message (e.g. "Property 'x' not found on type 'Y'.") in an outer one, and the
        // innermost exception stands where the problem is.
        var inner = e;
        while (inner.InnerException is YamlException deeper)
        {
            inner = deeper;
        }
        var mark = inner.Start.Line > 0 ? inner.Start : e.Start;
        var message = inner.InnerException?.Message ?? inner.Message;
        return new ConfigurationException(file, mark.Line, mark.Column, YamlProblems.Explain(message));
    }
}
