using Releng.Jobs.Configuration;

namespace Releng.Jobs.Workflows;

/// <summary>
/// The pieces GitHub and Forgejo workflows share: dispatch inputs, tool installs, caches, and the run step's
/// environment and script. Values a person or an event controls reach the script only through environment variables,
/// quoted where used (script-injection guidance), and secrets only reach the run step, as environment variables.
/// </summary>
internal static class WorkflowSteps
{
    /// <summary>The environment variable a dispatch input reaches the run script through.</summary>
    public static string InputVariable(string input) => "INPUT_" + input.Replace('-', '_').ToUpperInvariant();

    /// <summary><c>workflow_dispatch</c> with <c>apply</c> and the task's inputs.</summary>
    public static void DispatchTrigger(YamlText on, IReadOnlyList<ParameterSpec> inputs) =>
        on.Map("workflow_dispatch", dispatch => dispatch.Map("inputs", all =>
        {
            all.Map("apply", apply => apply
                .Quoted("description", "Act on the plan; unticked, the run only plans")
                .Plain("type", "boolean")
                .Plain("default", "false"));
            foreach (var input in inputs)
            {
                all.Map(input.Name, entry => WriteInput(entry, input));
            }
        }));

    /// <summary>Check out (the token kept out of .git/config: no step here pushes) and set up .NET.</summary>
    public static void CheckoutAndDotnetSteps(YamlText steps, string checkoutAction, string setupDotnetAction, string dotnetVersion)
    {
        steps.Item(step => step
            .Quoted("name", "Check out")
            .Plain("uses", checkoutAction)
            .Map("with", with => with.Plain("persist-credentials", "false")));
        steps.Item(step => step
            .Quoted("name", "Set up .NET")
            .Plain("uses", setupDotnetAction)
            .Map("with", with => with.Plain("dotnet-version", dotnetVersion)));
    }

    /// <summary>git, skopeo and docker-registry, as the tests and the image push use them.</summary>
    public static void InstallToolsStep(YamlText steps) => steps.Item(step => step
        .Quoted("name", "Install tools")
        .Plain("shell", "bash")
        .Plain("run", "bash .ci/install-tools.sh"));

    /// <summary>libgssapi-krb5-2, krb5-user and krb5-k5tls (Fedora's KDC proxy); build.sh sets the keytab up itself.</summary>
    public static void InstallKerberosStep(YamlText steps) => steps.Item(step => step
        .Quoted("name", "Install Kerberos client")
        .Plain("shell", "bash")
        .Plain("run", "bash .ci/install-kerberos.sh client"));

    /// <summary>
    /// NuGet packages keyed on the lock files, and the host's build output keyed on its sources: a scheduled run
    /// with nothing changed restores both and build.sh starts the host without building (its staleness check
    /// compares file contents, which a fresh checkout does not change).
    /// </summary>
    public static void CacheSteps(YamlText steps, string cacheAction)
    {
        steps.Item(step => step
            .Quoted("name", "Cache NuGet packages")
            .Plain("uses", cacheAction)
            .Map("with", with => with
                .Plain("path", "~/.nuget/packages")
                .Plain("key", "nuget-${{ runner.os }}-${{ hashFiles('**/packages.lock.json') }}")
                .Plain("restore-keys", "nuget-${{ runner.os }}-")));
        steps.Item(step => step
            .Quoted("name", "Cache build output")
            .Plain("uses", cacheAction)
            .Map("with", with => with
                .Literal("path", ["build/bin", "build/obj", "jobs/bin", "jobs/obj"])
                .Plain("key", "build-${{ runner.os }}-${{ hashFiles('build/**/*.cs', 'jobs/**/*.cs', '**/*.csproj', '**/*.props', '**/packages.lock.json') }}")
                .Plain("restore-keys", "build-${{ runner.os }}-")));
    }

    /// <summary>
    /// The run step's environment: the dispatch inputs, the ticket URL of a ticket event (when
    /// <paramref name="ticketUrl"/> is given, an expression) and the secrets the entry's profile names.
    /// </summary>
    public static void RunEnvironment(YamlText env, WorkflowJobParts parts, string? ticketUrl)
    {
        env.Plain("INPUT_APPLY", "${{ inputs.apply }}");
        foreach (var input in parts.Inputs)
        {
            env.Plain(InputVariable(input.Name), $"${{{{ inputs.{input.Name} }}}}");
        }
        if (ticketUrl is not null)
        {
            env.Plain("TICKET_URL", ticketUrl);
        }
        foreach (var secret in parts.Profile.SecretsOf(parts.Job))
        {
            env.Plain(secret, $"${{{{ secrets.{secret} }}}}");
        }
    }

    /// <summary>
    /// The run script: a schedule applies when jobs.yaml says <c>apply</c>, and so do the
    /// <paramref name="ticketEvents"/> when <paramref name="ticketEventsApply"/>; a manual run applies when its
    /// <c>apply</c> input is ticked; a ticket event passes <c>--ticket-url</c>.
    /// </summary>
    public static IEnumerable<string> RunScript(WorkflowJobParts parts, string environment, string audit, IReadOnlyList<string> ticketEvents, bool ticketEventsApply)
    {
        yield return "# Inputs arrive as environment variables and are only ever expanded inside double quotes.";
        yield return $"args=(--target={parts.Spec.Name} --job={parts.Name} --env={environment} --audit={audit})";
        if (parts.Job.Apply)
        {
            var automatic = ticketEventsApply ? ["schedule", .. ticketEvents] : new[] { "schedule" };
            yield return $"if {AnyEvent(automatic)}; then args+=(--apply); fi";
        }
        yield return "if [ \"$GITHUB_EVENT_NAME\" = workflow_dispatch ] && [ \"$INPUT_APPLY\" = true ]; then args+=(--apply); fi";
        foreach (var input in parts.Inputs)
        {
            var variable = InputVariable(input.Name);
            yield return input.Kind == ParameterKind.Boolean
                ? $"if [ \"${variable}\" = true ]; then args+=(--{input.Name}); fi"
                : $"if [ -n \"${variable}\" ]; then args+=(\"--{input.Name}=${variable}\"); fi";
        }
        if (ticketEvents.Count > 0)
        {
            var events = ticketEvents.Count == 1 ? AnyEvent(ticketEvents) : $"{{ {AnyEvent(ticketEvents)}; }}";
            yield return $"if {events} && [ -n \"$TICKET_URL\" ]; then args+=(\"--ticket-url=$TICKET_URL\"); fi";
        }
        yield return "./build.sh \"${args[@]}\"";
    }

    private static string AnyEvent(IEnumerable<string> events) =>
        string.Join(" || ", events.Select(e => $"[ \"$GITHUB_EVENT_NAME\" = {e} ]"));

    private static void WriteInput(YamlText entry, ParameterSpec input)
    {
        entry.Quoted("description", input.Description);
        switch (input.Kind)
        {
            case ParameterKind.Boolean:
                entry.Plain("type", "boolean").Plain("default", "false");
                break;
            case ParameterKind.Text when input.Choices is { Count: > 0 } choices:
                entry.Plain("type", "choice").Map("options", options =>
                {
                    foreach (var choice in choices)
                    {
                        options.PlainItem(YamlText.Quote(choice));
                    }
                });
                break;
            default:
                // Text, not number: an optional number left empty is still a valid dispatch. The host validates it.
                entry.Plain("type", "string").Plain("required", "false");
                break;
        }
    }
}
