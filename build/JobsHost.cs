using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Jobs.Secrets;

namespace Releng.Build;

/// <summary>The host with the releng tasks, context and lifetime; <c>Program</c> and the tests build it the same way.</summary>
public static class JobsHost
{
    public static CakeHost Create(Credentials credentials, Action<IServiceCollection>? configure = null) =>
        new CakeHost()
            .AddAssembly(typeof(JobsHost).Assembly)
            .UseContext<JobsContext>()
            .UseLifetime<JobsLifetime>()
            .ConfigureServices(services =>
            {
                services.AddSingleton(credentials);
                services.AddSingleton(new SecretMasker(credentials.Values()));
                services.AddSingleton<ICakeLogDecorator, JobsLogDecorator>();
                configure?.Invoke(services);
            });
}
