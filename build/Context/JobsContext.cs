using Cake.Core;
using Cake.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Hosting;
using Releng.Jobs.Configuration;
using Releng.Jobs.GitHub;
using Releng.Jobs.Http;
using Releng.Jobs.Planning;
using Releng.Jobs.Kerberos;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;

namespace Releng.Build.Context;

/// <summary>
/// What the releng tasks share in one run: the options, jobs.yaml, the secret masker, and the environment's
/// services, which start on first use (so <c>--tree</c>, <c>--dryrun</c> and <c>test</c> never touch a service).
/// </summary>
public sealed class JobsContext(ICakeContext context, SecretMasker masker, Credentials credentials, IEnumerable<IJobFactory> extraFactories)
    : FrostingContext(context)
{
    private JobEnvironment? _environment;
    private JobsFile? _jobsFile;
    private string? _auditPath;
    private int _failedRuns;

    public RunOptions Options { get; private set; } = null!;
    public SecretMasker Masker { get; } = masker;
    public Credentials Credentials { get; } = credentials;
    public TaskCatalog Catalog { get; } = TaskCatalog.Default;
    public IRunLog RunLog => new CakeRunLog(Log);

    /// <summary>Jobs that had a failed step in this run; the run exits 1 when there is any.</summary>
    public int FailedRuns => _failedRuns;

    internal void Initialize() => Options = RunOptions.From(Arguments);

    public JobsFile JobsFile => _jobsFile ??= new JobsFileLoader(Catalog).Load(Options.JobsFile);

    public JobEnvironment Systems => _environment ??= StartEnvironment();

    private JobEnvironment StartEnvironment()
    {
        var environment = JobEnvironment.Create(Options, Options.IsSandbox ? null : JobsFile, Credentials, extraFactories);
        if (environment.Sandbox is { } sandbox)
        {
            RunLog.Information(sandbox.Seeded
                ? $"Sandbox: seeded from {Options.Scenario} (world saved in {sandbox.Paths.Root}; --fresh starts over)"
                : $"Sandbox: continuing the world saved in {sandbox.Paths.Root} (--fresh starts over from {Options.Scenario})");
            if (sandbox.Faults is { } faults)
            {
                RunLog.Information($"Sandbox {faults.Settings}");
            }
        }
        return environment;
    }

    public string AuditPath => _auditPath ??= Options.Audit
        ?? Path.Combine("artifacts", "audit", $"{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss}-{string.Join('-', Arguments.GetArguments("target").DefaultIfEmpty("run"))}.jsonl");

    /// <summary>The jobs a task target runs: <c>--job</c>'s entry, else every jobs.yaml entry of the task, else the task's defaults.</summary>
    public IReadOnlyList<JobRequest> RequestsFor(string task)
    {
        var spec = Catalog.Find(task) ?? throw ConfigurationException.CommandLine("--target", $"unknown task '{task}'");
        if (Options.Job is { } jobName)
        {
            var job = JobsFile.Jobs.GetValueOrDefault(jobName)
                ?? throw ConfigurationException.CommandLine("--job", $"no job '{jobName}' in {JobsFile.Path}; jobs: {string.Join(", ", JobsFile.Jobs.Keys)}");
            if (job.Task != task)
            {
                throw ConfigurationException.CommandLine("--job", $"job '{jobName}' runs task '{job.Task}', not '{task}'; use --target={job.Task}");
            }
            return [Request(jobName, spec, job)];
        }
        var entries = JobsFile.Jobs.Where(j => j.Value.Task == task && j.Value.Enabled).ToList();
        return entries.Count > 0
            ? entries.Select(e => Request(e.Key, spec, e.Value)).ToList()
            : [Request(task, spec, null)];
    }

    /// <summary>Every enabled jobs.yaml entry, in file order.</summary>
    public IReadOnlyList<JobRequest> AllRequests() => JobsFile.Jobs.Where(j => j.Value.Enabled)
        .Select(j => Request(j.Key, Catalog.Find(j.Value.Task)!, j.Value)).ToList();

    /// <summary>The request for a jobs.yaml entry, or for the task's defaults when <paramref name="entry"/> is null.</summary>
    private JobRequest Request(string name, TaskSpec spec, JobDefinition? entry)
    {
        var with = entry?.With ?? new Dictionary<string, object?>();
        var parameters = new JobParameters(spec, with, entry?.ParameterOrigins ?? new ParameterOrigins(new SourceMark(JobsFile.Path)));
        // A manual run may override inputs the task declares, e.g. --force=true.
        foreach (var input in spec.Inputs.Where(i => spec.Parameter(i.Name) is not null && Arguments.HasArgument(i.Name)))
        {
            parameters = parameters.With(input.Name, Arguments.GetArguments(input.Name).Last(), SourceMark.CommandLine($"--{input.Name}"));
        }
        foreach (var missing in spec.Parameters.Where(p => p.Required && p.Default is null && !with.ContainsKey(p.Name)))
        {
            throw ConfigurationException.CommandLine("--target",
                $"task '{spec.Name}' needs parameter '{missing.Name}': add a job for it to {JobsFile.Path} and pass --job=<name>");
        }
        if (Options.TicketUrl is { } url)
        {
            var dispatch = TicketFromUrl(name, url);
            return new JobRequest(name, parameters, dispatch.Ticket, dispatch.Tracker);
        }
        return new JobRequest(name, parameters, Options.Ticket);
    }

    /// <summary>A webhook passes the ticket's URL; it must be on a tracker this job reads, on this environment's forge or Pagure.</summary>
    private TicketDispatch TicketFromUrl(string job, string url)
    {
        try
        {
            return new RepositoryDispatchMapper(JobsFile, Catalog, Systems.Endpoints.Pagure, Systems.Endpoints.Forge).MapForJob(job, url);
        }
        catch (DispatchRefusedException e)
        {
            throw ConfigurationException.CommandLine("--ticket-url", e.Message);
        }
    }

    /// <summary>Which logins this run's writes and account checks will use (a plan says so before it acts).</summary>
    private string LoginsLine()
    {
        var logins = ServiceLogins.For(Systems.Endpoints, Systems.Services.GetRequiredService<Credentials>(), KerberosEnvironment.FromProcess(),
            Systems.Sandbox is not null).ToDictionary(l => l.Service, l => l.Login);
        return $"Logins: koji {logins[ServiceName.Koji]}; accounts (fasjson) {logins[ServiceName.Fasjson]}";
    }

    /// <summary>Plans, and with --apply executes, one job. A failed step is counted, not thrown, so the other jobs still run.</summary>
    public async Task<JobRunResult> RunJobAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        var factory = Systems.FactoryFor(request.Task)
            ?? throw new CakeException(ExitCodes.ActionFailed, $"task '{request.Task}' has no job implementation");
        var job = factory.Create(request, Systems.Services);
        using var audit = new AuditLog(AuditPath, Masker, TimeProvider.System);
        RunLog.Information($"== {request.JobName} (task {request.Task}, env {Options.Environment}{(request.Ticket is { } t ? $", ticket {t}" : "")}) ==");
        RunLog.Information(LoginsLine());
        JobRunResult result;
        try
        {
            result = await new JobRunner(RunLog, TimeProvider.System, Systems.Services.GetService<RequestCounter>()).RunAsync(request.JobName, job, Options.Apply, audit, Options.StepSummary, Masker, cancellationToken);
        }
        catch (ParameterValueException e)
        {
            // The entry names something the service does not have: a configuration error at that value.
            audit.PlanFailed(request.JobName, Options.Apply, job.Subject ?? request.JobName, e.Problem);
            throw request.Parameters.Error(e.Parameter, $"job '{request.JobName}', parameter '{e.Parameter}': {e.Problem}");
        }
        catch (ConfigurationException e)
        {
            audit.PlanFailed(request.JobName, Options.Apply, job.Subject ?? request.JobName, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A service that cannot be read fails this job only; the run's other jobs still plan and act, and the
            // run exits 1 so the next scheduled run retries.
            audit.PlanFailed(request.JobName, Options.Apply, job.Subject ?? request.JobName, e.Message);
            RunLog.Error($"{request.JobName}: the plan failed, nothing was done: {e.Message} (audit: {audit.Path})");
            RunLog.Verbose(e.ToString());
            if (Options.StepSummary is { } summary)
            {
                StepSummary.Append(summary, $"### {request.JobName}: failed\n\nThe plan failed, nothing was done: {e.Message}\n", Masker);
            }
            result = new JobRunResult(new Plan(request.JobName, []), [], ExitCodes.ActionFailed);
        }
        if (result.ExitCode != 0)
        {
            Interlocked.Increment(ref _failedRuns);
        }
        return result;
    }

    internal async ValueTask DisposeEnvironmentAsync()
    {
        if (_environment is not null)
        {
            await _environment.DisposeAsync();
            _environment = null;
        }
    }
}
