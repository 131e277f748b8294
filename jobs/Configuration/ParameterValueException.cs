namespace Releng.Jobs.Configuration;

/// <summary>
/// A job found that one of its jobs.yaml parameters names something that does not exist (a Koji tag, a build
/// target). The host turns it into a <see cref="ConfigurationException"/> at that value's line and column.
/// </summary>
public sealed class ParameterValueException(string parameter, string problem) : Exception(problem)
{
    public string Parameter { get; } = parameter;
    public string Problem { get; } = problem;
}
