using Cake.Core;
using Cake.Core.Diagnostics;
using Releng.Jobs.Configuration;

namespace Releng.Build.Hosting;

/// <summary>0 ok (refusals are ok), 1 an action failed (the next run retries), 2 configuration or usage error.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int ActionFailed = 1;
    public const int Usage = 2;

    public static int FromException(Exception exception, ICakeLog log)
    {
        var root = Unwrap(exception);
        switch (root)
        {
            case ConfigurationException or UsageException:
                log.Error("Error: {0}", root.Message);
                return Usage;
            case CakeException { ExitCode: not 0 } cake:
                log.Error("Error: {0}", cake.Message);
                return cake.ExitCode;
            default:
                log.Error("Error: {0}", root.Message);
                log.Verbose(root.ToString());
                return ActionFailed;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (true)
        {
            switch (current)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    current = aggregate.InnerExceptions[0];
                    continue;
                case CakeReportException { InnerException: { } inner }:
                    current = inner;
                    continue;
                case CakeException { InnerException: ConfigurationException or UsageException } cake:
                    current = cake.InnerException!;
                    continue;
                default:
                    return current;
            }
        }
    }
}
