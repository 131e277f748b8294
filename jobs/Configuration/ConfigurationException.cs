using YamlDotNet.Core;

namespace Releng.Jobs.Configuration;

/// <summary>A configuration or usage error: the run stops with exit code 2 and this one message.</summary>
public sealed class ConfigurationException(string file, long line, long column, string problem)
    : Exception(line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public long Column { get; } = column;
    public string Problem { get; } = problem;

    public static ConfigurationException FromYaml(string file, YamlException e)
    {
        // YamlDotNet wraps the useful message (e.g. "Property 'x' not found on type 'Y'.") in an outer one.
        var inner = e;
        while (inner.InnerException is YamlException deeper)
        {
            inner = deeper;
        }
        var message = inner.InnerException?.Message ?? inner.Message;
        return new ConfigurationException(file, e.Start.Line, e.Start.Column, Explain(message));
    }

    private static string Explain(string message)
    {
        const string notFound = "not found on type";
        if (message.StartsWith("Property '", StringComparison.Ordinal) && message.Contains(notFound, StringComparison.Ordinal))
        {
            var key = message.Split('\'')[1];
            return $"unknown key '{key}' ({message.TrimEnd('.')})";
        }
        return message;
    }
}
