using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Jobs.Secrets;

return await new CakeHost()
    .UseContext<JobsContext>()
    .UseLifetime<JobsLifetime>()
    .ConfigureServices(services =>
    {
        var credentials = Credentials.FromEnvironment();
        services.AddSingleton(credentials);
        services.AddSingleton(new SecretMasker(credentials.Values()));
        services.AddSingleton<ICakeLogDecorator, JobsLogDecorator>();
    })
    .RunAsync(args);
