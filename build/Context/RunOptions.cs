using System.Globalization;
using Cake.Core;
using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox;

namespace Releng.Build.Context;

/// <summary>The switches every releng task shares. Names are fixed: scripts and workflows depend on them.</summary>
public sealed record RunOptions(
    string Environment,
    bool Apply,
    string? Job,
    int? Ticket,
    string? TicketUrl,
    string JobsFile,
    string Scenario,
    string SandboxDirectory,
    bool Fresh,
    string? Audit,
    string? StepSummary,
    SandboxSwitches? SandboxSwitches = null)
{
    public static readonly string[] Environments = ["sandbox", "fedora", "staging"];

    public bool IsSandbox => Environment == "sandbox";

    public static RunOptions From(ICakeArguments arguments)
    {
        string? Last(string name) => arguments.HasArgument(name) ? arguments.GetArguments(name).LastOrDefault() : null;
        bool Flag(string name) => Last(name) is { } v && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase);

        var environment = (Last("env") ?? "sandbox").ToLowerInvariant();
        if (!Environments.Contains(environment))
        {
            throw ConfigurationException.CommandLine("--env", $"unknown environment '{environment}'; expected one of: {string.Join(", ", Environments)}");
        }
        int? ticket = null;
        if (Last("ticket") is { Length: > 0 } ticketText)
        {
            ticket = int.TryParse(ticketText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : throw ConfigurationException.CommandLine("--ticket", $"'{ticketText}' is not a ticket number");
        }
        return new RunOptions(
            environment,
            Flag("apply"),
            Last("job"),
            ticket,
            Last("ticket-url") is { Length: > 0 } url ? url : null,
            Last("config") ?? "jobs.yaml",
            Last("scenario") ?? Path.Combine("tests", "scenarios", "default.yaml"),
            Last("sandbox-dir") ?? Path.Combine("artifacts", "sandbox"),
            Flag("fresh"),
            Last("audit"),
            Last("summary") ?? (System.Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary ? summary : null),
            new SandboxSwitches(SandboxSwitches.ParseLatency(Last("latency"))));
    }
}
