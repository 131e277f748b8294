using YamlDotNet.Serialization;

namespace Releng.Jobs.Configuration;

/// <summary>jobs.yaml: what runs when, with which parameters, against which services. The one source of truth.</summary>
public sealed class JobsFile
{
    /// <summary>Service addresses per environment (<c>fedora</c>, <c>staging</c>); <c>sandbox</c> is built in.</summary>
    public Dictionary<string, ServiceUrls> Services { get; set; } = [];

    public Dictionary<string, JobDefinition> Jobs { get; set; } = [];

    /// <summary>The file it was loaded from, as given (e.g. by <c>--config</c>).</summary>
    [YamlIgnore]
    public string Path { get; set; } = "jobs.yaml";
}
