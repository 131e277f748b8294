using System.Globalization;
using Cake.Core;
using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Faults;

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
        FaultSettings? faults = null;
        if (Last("faults") is { Length: > 0 } rateText)
        {
            if (!double.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate > 1)
            {
                throw ConfigurationException.CommandLine("--faults", $"'{rateText}' is not a fault rate; expected a number from 0 to 1, e.g. --faults=0.2");
            }
            int? seed = null;
            if (Last("fault-seed") is { Length: > 0 } seedText)
            {
                seed = int.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : throw ConfigurationException.CommandLine("--fault-seed", $"'{seedText}' is not a seed; expected a whole number");
            }
            faults = FaultSettings.Create(rate, seed);
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
            new SandboxSwitches(SandboxSwitches.ParseLatency(Last("latency")), faults));
    }
}
