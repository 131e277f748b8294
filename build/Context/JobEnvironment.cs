using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Configuration;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Build.Context;

/// <summary>
/// The services of one environment: endpoints, credentials, the service clients and the job factories, and for
/// <c>sandbox</c> the running fake Fedora, whose world is saved when the environment is disposed.
/// </summary>
public sealed class JobEnvironment : IAsyncDisposable
{
    private JobEnvironment(string name, ServiceEndpoints endpoints, ServiceProvider services, SandboxHost? sandbox)
    {
        Name = name;
        Endpoints = endpoints;
        Services = services;
        Sandbox = sandbox;
    }

    public string Name { get; }
    public ServiceEndpoints Endpoints { get; }
    public IServiceProvider Services { get; }
    public SandboxHost? Sandbox { get; }

    public static JobEnvironment Create(RunOptions options, JobsFile? jobsFile, Credentials credentials, IEnumerable<IJobFactory>? extraFactories = null)
    {
        SandboxHost? sandbox = null;
        ServiceEndpoints endpoints;
        TimeProvider clock;
        IReadOnlyDictionary<string, int>? concurrency = null;
        if (options.IsSandbox)
        {
            sandbox = SandboxHost.Start(options.Scenario, new SandboxPaths(options.SandboxDirectory), options.Fresh, options.SandboxSwitches);
            endpoints = sandbox.Endpoints;
            clock = new FixedClock(sandbox.World.Clock);
        }
        else
        {
            var urls = jobsFile?.Services.GetValueOrDefault(options.Environment)
                ?? throw new ConfigurationException(new SourceMark(jobsFile?.Path ?? options.JobsFile), $"no 'services.{options.Environment}' section for --env={options.Environment}");
            endpoints = new ServiceEndpoints(new Uri(urls.Pagure), new Uri(urls.Distgit), new Uri(urls.DistgitGit ?? urls.Distgit),
                new Uri(urls.Koji), new Uri(urls.Bugzilla), new Uri(urls.Bodhi), urls.Github is null ? null : new Uri(urls.Github),
                urls.Fasjson is null ? null : new Uri(urls.Fasjson),
                urls.Forge is null ? null : new Uri(urls.Forge));
            clock = TimeProvider.System;
            concurrency = urls.Concurrency;
        }
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        // Factories handed in by the host come first, so a test or an embedding can stand in for a job.
        foreach (var factory in extraFactories ?? [])
        {
            services.AddSingleton(factory);
        }
        // In the sandbox the fakes' credentials stand in for real ones; real credentials are never sent to them.
        services.AddServiceClients(endpoints, options.IsSandbox ? SandboxCredentials.Default : credentials, concurrency: concurrency);
        if (sandbox is not null)
        {
            services.AddSandboxStandIns(sandbox.World);
        }
        foreach (var factory in typeof(IJobFactory).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IJobFactory).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IJobFactory), factory);
        }
        return new JobEnvironment(options.Environment, endpoints, services.BuildServiceProvider(), sandbox);
    }

    public IJobFactory? FactoryFor(string task) => Services.GetServices<IJobFactory>().FirstOrDefault(f => f.Task == task);

    public async ValueTask DisposeAsync()
    {
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
        await ((ServiceProvider)Services).DisposeAsync();
    }
}
