namespace Releng.Jobs.Configuration;

/// <summary>jobs.yaml: what runs when, with which parameters, against which services. The one source of truth.</summary>
public sealed class JobsFile
{
    /// <summary>Service addresses per environment (<c>fedora</c>, <c>staging</c>); <c>sandbox</c> is built in.</summary>
    public Dictionary<string, ServiceUrls> Services { get; set; } = [];

    public Dictionary<string, JobDefinition> Jobs { get; set; } = [];
}
