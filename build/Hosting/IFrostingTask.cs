using Cake.Core;

namespace Releng.Build.Hosting;

/// <summary>A task the host discovers and registers with Cake's engine (the shape of Cake.Frosting's interface).</summary>
public interface IFrostingTask
{
    Task RunAsync(ICakeContext context);

    bool ShouldRun(ICakeContext context);

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);

    string SkippedMessage => string.Empty;
}
