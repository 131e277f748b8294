using Cake.Core.Diagnostics;

namespace Releng.Build.Hosting;

/// <summary>
/// The host's switches (Cake's names: <c>--target</c>, <c>--verbosity</c>, <c>--dryrun</c>, <c>--tree</c>,
/// <c>--description</c>, <c>--exclusive</c>, <c>--working</c>, <c>--version</c>, <c>--info</c>) and every other
/// <c>--name=value</c> or <c>--flag</c>, which become Cake arguments for the tasks.
/// </summary>
public sealed record CommandLine(
    IReadOnlyList<string> Targets,
    Verbosity Verbosity,
    bool DryRun,
    bool Tree,
    bool Description,
    bool Exclusive,
    bool Version,
    bool Info,
    string? Working,
    ILookup<string, string> Arguments)
{
    private static readonly Dictionary<string, string> ShortNames = new()
    {
        ["t"] = "target", ["v"] = "verbosity", ["e"] = "exclusive", ["w"] = "working",
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                throw new UsageException($"unexpected argument '{arg}'; arguments look like --name=value or --flag");
            }
            var body = arg.TrimStart('-');
            var eq = body.IndexOf('=');
            var name = eq < 0 ? body : body[..eq];
            name = ShortNames.GetValueOrDefault(name, name);
            string value;
            if (eq >= 0)
            {
                value = body[(eq + 1)..];
            }
            else if (name is "target" or "verbosity" or "working" && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                value = args[++i];
            }
            else
            {
                value = "true";
            }
            if (name.Length == 0)
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }
            pairs.Add(new(name.ToLowerInvariant(), value));
        }
        var lookup = pairs.ToLookup(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        bool Flag(params string[] names) => names.Any(n => lookup[n].Any(v => !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)));
        var targets = lookup["target"].SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return new CommandLine(
            targets.Count > 0 ? targets : ["Default"],
            ParseVerbosity(lookup["verbosity"].LastOrDefault()),
            Flag("dryrun", "noop", "whatif"),
            Flag("tree"),
            Flag("description"),
            Flag("exclusive"),
            Flag("version"),
            Flag("info"),
            lookup["working"].LastOrDefault(),
            lookup);
    }

    private static Verbosity ParseVerbosity(string? value) => value?.ToLowerInvariant() switch
    {
        null or "normal" or "n" => Verbosity.Normal,
        "quiet" or "q" => Verbosity.Quiet,
        "minimal" or "m" => Verbosity.Minimal,
        "verbose" or "v" => Verbosity.Verbose,
        "diagnostic" or "d" => Verbosity.Diagnostic,
        _ => throw new UsageException($"unknown verbosity '{value}'; expected quiet, minimal, normal, verbose or diagnostic"),
    };
}

/// <summary>A command-line mistake: exit code 2 with one message.</summary>
public sealed class UsageException(string message) : Exception(message);
