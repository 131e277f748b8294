using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Octokit;
using Releng.Build.Context;
using Releng.Build.Hosting;
using Releng.Build.Relay;
using Releng.Jobs.Configuration;
using Releng.Jobs.GitHub;
using Releng.Jobs.Relay;

namespace Releng.Build.Tasks;

[TaskName("relay")]
[TaskDescription("Serves POST /forge: signed Forgejo issue webhooks become the owning job's repository_dispatch (--relay-url, FORGE_WEBHOOK_SECRET, --repository)")]
public sealed class RelayTask : AsyncFrostingTask<JobsContext>
{
    public const string DefaultUrl = "http://0.0.0.0:8080";

    public override async Task RunAsync(JobsContext context)
    {
        if (context.Options.IsSandbox)
        {
            throw ConfigurationException.CommandLine("--env", "the sandbox has no GitHub to dispatch to; use --env=fedora (GITHUB_TOKEN and FORGE_WEBHOOK_SECRET from the environment)");
        }
        // From the credentials, so every log line and audit masks it like the other secrets.
        var secret = context.Systems.Services.GetRequiredService<Releng.Jobs.Secrets.Credentials>().ForgeWebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            throw ConfigurationException.CommandLine("--target", "set FORGE_WEBHOOK_SECRET to the secret of the forge's webhook");
        }
        var forge = context.Systems.Endpoints.Forge
            ?? throw ConfigurationException.CommandLine("--env", $"environment '{context.Options.Environment}' has no forge in {context.JobsFile.Path} (services: forge:)");
        var repository = GitHubTarget.Repository(context);
        var url = context.Arguments.HasArgument("relay-url") ? context.Arguments.GetArguments("relay-url").Last() : DefaultUrl;
        var relay = new WebhookRelay(
            new WebhookSignature(secret),
            new RepositoryDispatchMapper(context.JobsFile, context.Catalog, context.Systems.Endpoints.Pagure, forge),
            context.JobsFile,
            context.Catalog,
            new RepositoryDispatcher(context.Systems.Services.GetRequiredService<IGitHubClient>(), repository),
            context.RunLog,
            bot: Environment.GetEnvironmentVariable("RELAY_BOT"));

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });
        await using var app = RelayServer.Build(relay, url);
        await app.StartAsync(stop.Token);
        context.RunLog.Information($"relay: listening on {string.Join(", ", app.Urls)}{RelayServer.Path} for {forge.GetLeftPart(UriPartial.Authority)}; dispatching to {repository}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
    }
}
