using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using Releng.Jobs.Configuration;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// One dist-git repository, keyed by <c>namespace/name</c> (e.g. <c>rpms/python-pyte</c>): who owns it and has
/// access, and the history of each branch, which the sandbox turns into a real bare git repository.
/// <code>
/// rpms/python-pyte:
///   owner: orphan
///   admins: [jdoe]
///   collaborators: { alice: "epel*" }
///   branches:
///     rawhide:
///       - { message: "Initial import", days_ago: 900 }
///       - { retire: "Orphaned for 6+ weeks", days_ago: 21 }   # removes the files, adds dead.package
///     f43: same-as rawhide                                      # identical history (the same head commit)
///     f42: { from: rawhide, after: 1, commits: [ { message: "Rebuilt for f42", days_ago: 400 } ] }
/// </code>
/// </summary>
public sealed class DistGitRepoScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    /// <summary>The main admin; <c>orphan</c> for an orphaned package.</summary>
    public required string Owner { get; set; }

    public string? Description { get; set; }

    /// <summary>The upstream URL.</summary>
    public string? Url { get; set; }

    public List<string> Admins { get; set; } = [];
    public List<string> Committers { get; set; } = [];

    /// <summary>User → branch patterns (comma-separated globs), e.g. <c>{ alice: "epel*" }</c>.</summary>
    public Dictionary<string, string> Collaborators { get; set; } = [];

    public List<string> AdminGroups { get; set; } = [];
    public List<string> CommitGroups { get; set; } = [];

    /// <summary>Group → branch patterns, e.g. <c>{ epel-packagers-sig: "epel*" }</c>.</summary>
    public Dictionary<string, string> CollaboratorGroups { get; set; } = [];

    public string DefaultBranch { get; set; } = "rawhide";

    public Dictionary<string, DistGitBranchScenario> Branches { get; set; } = [];
}

/// <summary>
/// A branch's history, written as a list of commits, as <c>same-as &lt;branch&gt;</c> (the other branch's
/// history, same head), or as <c>{ from: &lt;branch&gt;, after: N, commits: [...] }</c> (branched from another
/// branch after its first N commits, default all, then commits of its own).
/// </summary>
public sealed class DistGitBranchScenario : IYamlConvertible
{
    private const string SameAsPrefix = "same-as ";

    /// <summary>The branch this one starts from, if any.</summary>
    public string? From { get; set; }

    /// <summary>How many of <see cref="From"/>'s commits this branch shares (null: all of them).</summary>
    public int? After { get; set; }

    public List<DistGitCommitScenario> Commits { get; set; } = [];

    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        if (parser.Accept<Scalar>(out var scalar))
        {
            parser.MoveNext();
            if (!scalar.Value.StartsWith(SameAsPrefix, StringComparison.Ordinal) || scalar.Value.Length == SameAsPrefix.Length)
            {
                throw new YamlException(scalar.Start, scalar.End,
                    $"a branch is a list of commits, 'same-as <branch>' or {{ from, after, commits }}, not '{scalar.Value}'");
            }
            From = scalar.Value[SameAsPrefix.Length..].Trim();
        }
        else if (parser.Accept<SequenceStart>(out _))
        {
            Commits = (List<DistGitCommitScenario>?)nestedObjectDeserializer(typeof(List<DistGitCommitScenario>)) ?? [];
        }
        else
        {
            var spec = (BranchSpec?)nestedObjectDeserializer(typeof(BranchSpec)) ?? new BranchSpec();
            From = spec.From ?? spec.SameAs;
            After = spec.After;
            Commits = spec.Commits;
        }
    }

    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) =>
        nestedObjectSerializer(new BranchSpec { From = From, After = After, Commits = Commits });

    /// <summary>The mapping form of a branch.</summary>
    public sealed class BranchSpec
    {
        public string? From { get; set; }
        public string? SameAs { get; set; }
        public int? After { get; set; }
        public List<DistGitCommitScenario> Commits { get; set; } = [];
    }
}

/// <summary>
/// One commit. <c>message</c> alone touches the package's spec file; <c>retire</c> is a retirement as
/// <c>fedpkg retire</c> makes it (all files removed, <c>dead.package</c> holding the reason, the reason as message
/// unless <c>message</c> is given); <c>files</c> sets exact contents (a null content deletes the file).
/// </summary>
public sealed class DistGitCommitScenario
{
    public string? Message { get; set; }
    public string? Retire { get; set; }
    public required double DaysAgo { get; set; }

    /// <summary>A user of <c>people</c>; default: the repository's owner, or <c>releng</c> for an orphan.</summary>
    public string? Author { get; set; }

    public Dictionary<string, string?> Files { get; set; } = [];
}
