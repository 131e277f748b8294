using Microsoft.Extensions.Logging;
using Releng.Jobs.Planning;

namespace Releng.Build.Logging;

/// <summary>Library code that logs through Microsoft.Extensions.Logging (the scheduler) writes to the run's masked log.</summary>
public sealed class CakeLogger(IRunLog log) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception) + (exception is null ? "" : $": {exception.Message}");
        switch (logLevel)
        {
            case >= LogLevel.Error:
                log.Error(message);
                break;
            case LogLevel.Warning:
                log.Warning(message);
                break;
            case LogLevel.Information:
                log.Information(message);
                break;
            default:
                log.Verbose(message);
                break;
        }
    }
}
