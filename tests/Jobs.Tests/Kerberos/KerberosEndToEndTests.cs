using Releng.Jobs.Sandbox;

namespace Releng.Jobs.Tests.Kerberos;

/// <summary>
/// The real environment's code paths against a real KDC and Apache with mod_auth_gssapi: the host runs as its own
/// process started through build.sh's Kerberos script with the bot's keytab (base64, as a CI secret holds it), reads
/// FASJSON and logs in to Koji through real Negotiate, and decides as the sandbox does.
/// </summary>
public sealed class KerberosEndToEndTests(KerberosRealm realm) : IClassFixture<KerberosRealm>, IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("releng-krb-run-").FullName;
    private SandboxHost? _sandbox;
    private GssapiFront? _front;

    private static string Scenario => Path.Combine(RepositoryRoot.Find(), "tests", "scenarios", "default.yaml");

    private SandboxHost Sandbox => _sandbox!;
    private GssapiFront Front => _front!;

    public async Task InitializeAsync()
    {
        if (realm.Root.Length == 0)
        {
            return; // skipped: the tools are missing outside CI
        }
        _sandbox = SandboxHost.Start(Scenario, new SandboxPaths(Path.Combine(_root, "world")), fresh: true);
        _front = await GssapiFront.StartAsync(realm, Sandbox.Endpoints.Fasjson!, Sandbox.Endpoints.Koji);
    }

    public async Task DisposeAsync()
    {
        if (_front is not null)
        {
            await _front.DisposeAsync();
        }
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }

    private Dictionary<string, string> Bot(string keytab) => new()
    {
        ["KRB5_CONFIG"] = realm.ConfigFile,
        ["KRB5_KEYTAB"] = Convert.ToBase64String(File.ReadAllBytes(keytab)),
        ["KRB5_PRINCIPAL"] = KerberosRealm.BotPrincipal,
    };

    private RealRun Staging(string name) => RealRun.Staging(Path.Combine(_root, name), Sandbox, Front);

    [KerberosFact]
    public async Task Scm_requests_and_unretire_decide_as_in_the_sandbox_with_accounts_from_fasjson_behind_negotiate()
    {
        var real = Staging("real");
        var sandboxRun = new RealRun(Path.Combine(_root, "sandbox"));
        Directory.CreateDirectory(sandboxRun.Root);
        File.Copy(real.JobsFile, sandboxRun.JobsFile);

        foreach (var target in new[] { "scm-requests", "unretire" })
        {
            var planned = await real.RunAsync(Bot(realm.BotKeytab), throughScript: true, $"--target={target}", "--env=staging");
            Assert.True(planned.ExitCode == 0, planned.Log);
            var sandboxed = await sandboxRun.RunAsync(new Dictionary<string, string>(), throughScript: false, $"--target={target}", "--env=sandbox",
                $"--scenario={Scenario}", $"--sandbox-dir={Path.Combine(sandboxRun.Root, "world")}", "--fresh");
            Assert.True(sandboxed.ExitCode == 0, sandboxed.Log);
            Assert.Contains("accounts (fasjson) Kerberos (HTTP Negotiate as releng-bot@TEST.LOCAL)", planned.Log);
        }

        // Compared by decision: reasons count days from the clock (the scenario's in the sandbox, the real one here).
        // Collaborators' branch patterns are a sandbox stand-in without a real client yet, so those tickets are left out.
        var decisions = real.Decisions();
        var patternsUnknown = decisions.Where(d => d.Reason.EndsWith("patterns unknown", StringComparison.Ordinal)).Select(d => d.Subject).ToHashSet();
        Assert.Equal(Comparable(sandboxRun.Decisions(), patternsUnknown), Comparable(decisions, patternsUnknown));
        Assert.True(decisions.Count(d => d.Job == "scm-requests") > 10);
        Assert.DoesNotContain(decisions, d => d.Decision == "needs-human" && d.Reason.StartsWith("cannot verify Fedora accounts", StringComparison.Ordinal));
        // Account answers came through Apache, authenticated as the bot; each request negotiated (401, then 200).
        Assert.Contains("\"GET /v1/groups/packager/is-member/", Front.AccessLog);
        Assert.Contains($"user={KerberosRealm.BotPrincipal}", Front.AccessLog);
    }

    private static List<(string Job, string Subject, string Decision)> Comparable(
        IEnumerable<(string Job, string Subject, string Decision, string Reason)> decisions, IReadOnlySet<string> leftOut) =>
        decisions.Where(d => !leftOut.Contains(d.Subject)).Select(d => (d.Job, d.Subject, d.Decision)).ToList();

    [KerberosFact]
    public async Task A_koji_unblock_and_a_kiwi_build_go_through_a_kerberos_login()
    {
        var run = Staging("apply");

        var unretire = await run.RunAsync(Bot(realm.BotKeytab), throughScript: true, "--target=unretire", "--env=staging", "--apply");
        var rebuild = await run.RunAsync(Bot(realm.BotKeytab), throughScript: true,
            "--target=base-image-rebuild", "--job=base-image-rawhide", "--force=true", "--env=staging", "--apply");

        Assert.True(unretire.ExitCode == 0, unretire.Log);
        Assert.True(rebuild.ExitCode == 0, rebuild.Log);
        Assert.Contains("Logins: koji Kerberos (sslLogin with HTTP Negotiate as releng-bot@TEST.LOCAL)", unretire.Log);
        var outcomes = run.Outcomes();
        Assert.Contains(outcomes, o => o.Step.StartsWith("unblock ", StringComparison.Ordinal) && o.Status == "done");
        Assert.Contains(outcomes, o => o.Detail?.Contains("kiwiBuild task", StringComparison.Ordinal) == true && o.Status == "done");
        lock (Sandbox.World.Sync)
        {
            var sessions = Sandbox.World.Koji.Sessions;
            Assert.NotEmpty(sessions);
            Assert.All(sessions, s => Assert.Equal(3, s.AuthType)); // GSSAPI, every one of them
            Assert.Contains(Sandbox.World.Koji.Tasks, t => t.Method == "kiwiBuild");
        }
        Assert.Contains("\"POST /kojihub/ssllogin HTTP/1.1\" 200 user=" + KerberosRealm.BotPrincipal, Front.AccessLog);
    }

    [KerberosFact]
    public async Task A_stale_keytab_is_refused_in_one_clear_line_and_nothing_is_decided_on_a_guess()
    {
        var run = Staging("stale");

        var output = await run.RunAsync(Bot(realm.StaleBotKeytab), throughScript: true, "--target=scm-requests", "--env=staging");

        Assert.True(output.ExitCode == 0, output.Log);
        var refused = run.Decisions().Where(d => d.Reason.Contains("refused the Kerberos ticket", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, d =>
        {
            Assert.Equal("needs-human", d.Decision);
            Assert.Equal("cannot verify Fedora accounts: localhost refused the Kerberos ticket (HTTP 401): check that KRB5_KEYTAB holds a current key " +
                "for KRB5_PRINCIPAL (klist -k -t <keytab>; kinit -k -t <keytab> <principal>) and that the run was started by build.sh, which sets KRB5_CLIENT_KTNAME",
                d.Reason);
        });
        Assert.DoesNotContain(run.Decisions(), d => d.Reason.Contains("not a packager", StringComparison.OrdinalIgnoreCase));
    }

    [KerberosFact]
    public async Task A_keytab_of_another_principal_fails_the_koji_login_in_one_line()
    {
        var run = Staging("stranger");
        var stranger = new Dictionary<string, string>(Bot(realm.StrangerKeytab)) { ["KRB5_PRINCIPAL"] = KerberosRealm.StrangerPrincipal };

        var output = await run.RunAsync(stranger, throughScript: true,
            "--target=base-image-rebuild", "--job=base-image-rawhide", "--force=true", "--env=staging", "--apply");

        Assert.Equal(1, output.ExitCode);
        var failed = Assert.Single(run.Outcomes(), o => o.Status == "failed");
        Assert.Contains($"Unknown user: {KerberosRealm.StrangerPrincipal}", failed.Detail);
    }

    [KerberosFact]
    public async Task Without_the_start_script_there_is_no_ticket_and_the_run_says_how_to_start_it()
    {
        var run = Staging("unprepared");

        var services = await run.RunAsync(Bot(realm.BotKeytab), throughScript: false, "--target=services", "--env=staging");
        var plan = await run.RunAsync(Bot(realm.BotKeytab), throughScript: false, "--target=scm-requests", "--env=staging");

        Assert.Contains("NOT READY: KRB5_KEYTAB is set but KRB5_CLIENT_KTNAME is not: start the run with ./build.sh", services.Log);
        Assert.True(plan.ExitCode == 0, plan.Log);
        Assert.Contains(run.Decisions(), d => d.Decision == "needs-human"
            && d.Reason == "cannot verify Fedora accounts: FASJSON needs Kerberos and KRB5_KEYTAB is set but KRB5_CLIENT_KTNAME is not: start the run with ./build.sh (or build.ps1), which prepares the keytab before the process starts");
    }

    [KerberosFact]
    public async Task The_keytab_never_reaches_log_audit_or_summary_and_its_temporary_copy_is_gone_after_the_run()
    {
        var run = Staging("secrets");
        var bot = Bot(realm.BotKeytab);

        var services = await run.RunAsync(bot, throughScript: true, "--target=services", "--env=staging");
        var apply = await run.RunAsync(bot, throughScript: true, "--target=unretire", "--env=staging", "--apply");

        Assert.True(services.Log.Contains("fasjson   accepts the Kerberos ticket", StringComparison.Ordinal),
            services.Log + "\n--- apache error log:\n" + Front.ErrorLog + "\n--- access log:\n" + Front.AccessLog + "\n--- kdc log:\n" + File.ReadAllText(realm.KdcLog));
        Assert.Contains("KRB5_KEYTAB        present: base64", services.Log);
        var keytab = bot["KRB5_KEYTAB"];
        var keyBytes = File.ReadAllBytes(realm.BotKeytab);
        foreach (var text in new[] { services.Log, apply.Log, File.ReadAllText(run.Audit), File.ReadAllText(run.Summary) })
        {
            Assert.DoesNotContain(keytab, text);
            Assert.DoesNotContain(keytab[..24], text);
            Assert.DoesNotContain(Convert.ToBase64String(keyBytes[^32..]), text);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(run.TempDirectory, "releng-krb5.*")); // the private keytab directory is deleted
        Assert.Empty(Directory.EnumerateFiles(run.Root, "*krb5cc*", SearchOption.AllDirectories)); // the ticket cache was in memory
    }
}
