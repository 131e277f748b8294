using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Http;
using Releng.Jobs.Planning;

namespace Releng.Jobs.Configuration;

/// <summary>
/// Everything the rest of the project needs to know about one job, in the job's own folder: the task name, the
/// parameters jobs.yaml may set (with the defaults of the job's options), the inputs of a manual run, the secrets
/// its workflow gets, the services of its own it registers, and where it is documented. The task catalog, the
/// jobs.yaml schema and the generated workflows are built from the descriptors; the factory binds the options
/// with <see cref="JobDescriptor{TOptions}.Bind"/>.
/// </summary>
public abstract class JobDescriptor
{
    /// <summary>The task name: <c>--target</c>, <c>task:</c> in jobs.yaml and the build task's <c>[TaskName]</c>.</summary>
    public abstract string Task { get; }

    public abstract string Description { get; }

    /// <summary>What jobs.yaml may set under <c>with:</c>.</summary>
    public abstract IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>What a manual run may pass (a <c>workflow_dispatch</c> input and a <c>--name=value</c> argument).</summary>
    public virtual IReadOnlyList<ParameterSpec> Inputs => [];

    /// <summary>
    /// The environment variables (from <see cref="Secrets.Credentials.VariableNames"/>) the job's workflow run step
    /// gets, and nothing more, so a job cannot use a credential it has no business with.
    /// </summary>
    public abstract IReadOnlyList<string> Secrets { get; }

    /// <summary>
    /// The secrets one jobs.yaml entry's workflow gets: <see cref="Secrets"/>, and those its parameters name (a push
    /// gets each of its registries' own credentials).
    /// </summary>
    public virtual IReadOnlyList<string> SecretsOf(JobDefinition job) => Secrets;

    public virtual int TimeoutMinutes => 60;

    /// <summary>Whether its workflow installs the tools (git, skopeo, docker-registry) before the run.</summary>
    public virtual bool InstallsTools => false;

    /// <summary>The repository-relative page that explains its decisions and comments.</summary>
    public abstract string Documentation { get; }

    /// <summary>Registers the services only this job uses; the service clients are registered already.</summary>
    public virtual void AddServices(IServiceCollection services, HttpOptions http)
    {
    }

    public TaskSpec Spec => new(Task, Description, Parameters, Inputs);

    /// <summary>The inputs every ticket job takes.</summary>
    protected static ParameterSpec TicketInput { get; } = new("ticket", ParameterKind.Integer, "Process only this ticket number");

    /// <summary>The bot's keytab: the Koji login in Fedora, and FASJSON (who is a packager, who is in releng).</summary>
    protected static IReadOnlyList<string> Kerberos { get; } = ["KRB5_KEYTAB", "KRB5_PRINCIPAL"];

    /// <summary>The variables of a Koji login (Kerberos, client certificate or password).</summary>
    protected static IReadOnlyList<string> KojiLogin { get; } = ["KOJI_USER", "KOJI_PASSWORD", "KOJI_CLIENT_CERT", .. Kerberos];
}

/// <summary>A descriptor whose job reads its settings as one <typeparamref name="TOptions"/> record.</summary>
public abstract class JobDescriptor<TOptions> : JobDescriptor
{
    /// <summary>The job's options from a jobs.yaml entry (with the options' defaults for what it leaves out).</summary>
    public abstract TOptions Bind(JobRequest request);
}
