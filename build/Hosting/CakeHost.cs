using System.Reflection;
using Cake.Cli;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Releng.Build.Hosting;

/// <summary>
/// A small host with Cake.Frosting's public shape on the real Cake engine (Cake.Core/Cake.Cli 7): public task classes
/// are discovered, built through DI and registered with <see cref="ICakeEngine"/>; Cake's own script hosts run,
/// dry-run, print the tree or the descriptions.
/// </summary>
public sealed class CakeHost
{
    private readonly IServiceCollection _services = new ServiceCollection();
    private readonly List<Assembly> _assemblies = Assembly.GetEntryAssembly() is { } entry ? [entry] : [];
    private Type _contextType = typeof(FrostingContext);
    private string? _workingDirectory;

    public CakeHost UseContext<TContext>() where TContext : class, IFrostingContext
    {
        _contextType = typeof(TContext);
        return this;
    }

    public CakeHost UseLifetime<TLifetime>() where TLifetime : class, IFrostingLifetime
    {
        _services.AddSingleton<IFrostingLifetime, TLifetime>();
        return this;
    }

    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        configure(_services);
        return this;
    }

    public CakeHost UseWorkingDirectory(string path)
    {
        _workingDirectory = path;
        return this;
    }

    public CakeHost AddAssembly(Assembly assembly)
    {
        _assemblies.Add(assembly);
        return this;
    }

    public int Run(IEnumerable<string> args) => RunAsync(args).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IEnumerable<string> args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args.ToList());
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"Error: {e.Message}");
            return ExitCodes.Usage;
        }

        var services = BuildServices(commandLine);
        await using var provider = services.BuildServiceProvider();
        var log = provider.GetRequiredService<ICakeLog>();
        log.Verbosity = commandLine.Verbosity;
        try
        {
            if (commandLine.Version || commandLine.Info)
            {
                provider.GetRequiredService<ICakeVersionFeature>().Run(provider.GetRequiredService<IConsole>());
                return ExitCodes.Ok;
            }
            var environment = provider.GetRequiredService<ICakeEnvironment>();
            var working = commandLine.Working ?? _workingDirectory;
            if (working is not null)
            {
                environment.WorkingDirectory = new DirectoryPath(System.IO.Path.GetFullPath(working));
            }

            var engine = provider.GetRequiredService<ICakeEngine>();
            TaskRegistrar.Register(engine, provider.GetServices<IFrostingTask>(), _contextType);
            if (provider.GetService<IFrostingLifetime>() is { } lifetime)
            {
                engine.RegisterSetupAction(info => lifetime.Setup(provider.GetRequiredService<IFrostingContext>(), info));
                engine.RegisterTeardownAction(info => lifetime.Teardown(provider.GetRequiredService<IFrostingContext>(), info));
            }
            var unknown = commandLine.Targets.Where(t => !engine.Tasks.Any(task => string.Equals(task.Name, t, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                log.Error("The target '{0}' was not found. Tasks: {1}", unknown[0], string.Join(", ", engine.Tasks.Select(t => t.Name)));
                return ExitCodes.Usage;
            }

            var context = provider.GetRequiredService<IFrostingContext>();
            if (commandLine.Tree)
            {
                await new TreeScriptHost(engine, context, provider.GetRequiredService<IConsole>()).RunTargetsAsync(commandLine.Targets);
            }
            else if (commandLine.Description)
            {
                await new DescriptionScriptHost(engine, context, provider.GetRequiredService<IAnsiConsole>()).RunTargetsAsync(commandLine.Targets);
            }
            else if (commandLine.DryRun)
            {
                var host = new DryRunScriptHost<IFrostingContext>(engine, context, log);
                ApplyExclusive(host.Settings, commandLine);
                await host.RunTargetsAsync(commandLine.Targets);
            }
            else
            {
                var host = new BuildScriptHost<IFrostingContext>(engine, provider.GetRequiredService<IExecutionStrategy>(), context,
                    provider.GetRequiredService<ICakeReportPrinter>(), provider.GetRequiredService<ICakeConfiguration>(), log);
                ApplyExclusive(host.Settings, commandLine);
                await host.RunTargetsAsync(commandLine.Targets);
            }
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
            return ExitCodes.FromException(e, log);
        }
    }

    private static void ApplyExclusive(ExecutionSettings settings, CommandLine commandLine)
    {
        if (commandLine.Exclusive)
        {
            settings.UseExclusiveTarget();
        }
    }

    private IServiceCollection BuildServices(CommandLine commandLine)
    {
        IServiceCollection services = new ServiceCollection();
        services.AddCakeDiagnostics();
        // Only Cake.Core's services: the default modules add NuGet and dotnet-tool installers (for #tool and #addin
        // directives, which a compiled host has none of) whose assemblies cost a tenth of a second to load at every start.
        services.UseModule<CoreModule>();
        var arguments = new CakeArguments(commandLine.Arguments);
        services.AddSingleton<ICakeArguments>(arguments);
        services.AddSingleton<ICakeConfiguration>(sp => new CakeConfigurationProvider(
                sp.GetRequiredService<IFileSystem>(), sp.GetRequiredService<ICakeEnvironment>())
            .CreateConfiguration(sp.GetRequiredService<ICakeEnvironment>().WorkingDirectory,
                commandLine.Arguments.ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase)));
        services.AddSingleton<IVersionResolver, VersionResolver>();
        services.AddSingleton<ICakeVersionFeature, VersionFeature>();
        services.AddSingleton(commandLine);
        foreach (var descriptor in _services)
        {
            services.Add(descriptor);
        }
        // Hosts may decorate Cake's log (e.g. to mask secrets) by registering an ICakeLogDecorator.
        services.AddSingleton<ICakeLog>(sp =>
        {
            var log = new CakeBuildLog(sp.GetRequiredService<IConsole>(), commandLine.Verbosity);
            return sp.GetService<ICakeLogDecorator>()?.Decorate(log) ?? log;
        });
        services.AddSingleton(_contextType);
        services.AddSingleton(sp => (IFrostingContext)sp.GetRequiredService(_contextType));
        foreach (var type in _assemblies.Distinct().SelectMany(a => a.GetExportedTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFrostingTask).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IFrostingTask), type);
        }
        return services;
    }
}
