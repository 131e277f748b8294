namespace Releng.Jobs.Planning;

/// <summary>The run's log (the pipeline log in CI). Implementations mask secrets.</summary>
public interface IRunLog
{
    void Information(string message);

    void Warning(string message);

    void Error(string message);

    void Verbose(string message);
}
