using Cake.Core.Diagnostics;
using Releng.Build.Hosting;
using Releng.Build.Logging;
using Releng.Jobs.Secrets;

namespace Releng.Build.Context;

public sealed class JobsLogDecorator(SecretMasker masker) : ICakeLogDecorator
{
    public ICakeLog Decorate(ICakeLog log) => new MaskingCakeLog(log, masker);
}
