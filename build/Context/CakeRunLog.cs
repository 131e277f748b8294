using Cake.Core.Diagnostics;
using Releng.Jobs.Planning;

namespace Releng.Build.Context;

/// <summary>The jobs' log, written through Cake's (masking) log so every line lands in the pipeline log.</summary>
public sealed class CakeRunLog(ICakeLog log) : IRunLog
{
    public void Information(string message) => log.Write(Verbosity.Normal, LogLevel.Information, "{0}", message);

    public void Warning(string message) => log.Write(Verbosity.Minimal, LogLevel.Warning, "{0}", message);

    public void Error(string message) => log.Write(Verbosity.Quiet, LogLevel.Error, "{0}", message);

    public void Verbose(string message) => log.Write(Verbosity.Verbose, LogLevel.Verbose, "{0}", message);
}
