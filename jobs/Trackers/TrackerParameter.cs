using Releng.Jobs.Configuration;

namespace Releng.Jobs.Trackers;

/// <summary>
/// The tracker parameters of the ticket jobs (<c>tracker</c>, and the unretire job's <c>requests_tracker</c>): read
/// once, checked the same way, errors at their jobs.yaml position.
/// </summary>
public static class TrackerParameter
{
    public const string Name = "tracker";

    /// <summary>The second tracker the unretire job reads: where <c>fedpkg request-unretirement</c> files its requests.</summary>
    public const string RequestsName = "requests_tracker";

    /// <summary>Every parameter that names a tracker a job reads tickets from.</summary>
    public static IReadOnlyList<string> Names { get; } = [Name, RequestsName];

    public const string Description =
        "Where the tickets live: forge:<owner>/<repo> on Fedora Forge (forge:releng/fedora-scm-requests) or pagure:<project> on pagure.io (pagure:releng)";

    /// <summary>
    /// The <paramref name="name"/> parameter as written (plans name tickets by it), checked; null when it is empty or
    /// <c>none</c> (optional trackers only).
    /// </summary>
    public static string? ReadOptional(JobParameters parameters, string name)
    {
        var text = parameters.TextOrNull(name)?.Trim();
        if (string.IsNullOrEmpty(text) || string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return TrackerReference.TryParse(text, out _, out var problem) ? text : throw parameters.Error(name, problem);
    }

    public static string Read(JobParameters parameters, string name = Name) =>
        ReadOptional(parameters, name) ?? throw parameters.Error(name, $"parameter '{name}' names no tracker: {Description}");

    /// <summary>The trackers a job entry reads, as written names made canonical (<c>releng</c> is <c>pagure:releng</c>); bad ones are skipped.</summary>
    public static IEnumerable<TrackerReference> Of(JobParameters parameters)
    {
        foreach (var name in Names.Where(name => parameters.Spec.Parameter(name) is not null))
        {
            if (TrackerReference.TryParse(parameters.TextOrNull(name), out var reference, out _) && parameters.TextOrNull(name) is { Length: > 0 })
            {
                yield return reference;
            }
        }
    }
}
