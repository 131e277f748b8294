using Cake.Core.Diagnostics;

namespace Releng.Build.Hosting;

/// <summary>Wraps Cake's log before anything writes to it.</summary>
public interface ICakeLogDecorator
{
    ICakeLog Decorate(ICakeLog log);
}
