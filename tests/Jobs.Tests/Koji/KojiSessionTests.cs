using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Releng.Jobs.Koji;
using Releng.Jobs.Services;

namespace Releng.Jobs.Tests.Koji;

/// <summary>Sessions and writes against the fake hub.</summary>
public class KojiSessionTests
{
    private const string World = """
        koji:
          users:
            releng-bot: { password: sandbox, certificate: true, permissions: [image] }
            packager: { password: pw }
          tags:
            f44: { arches: x86_64 aarch64, packages: { python-pyte: { blocked: true }, bash: {} } }
            f44-build: { inherits: [f44] }
            f44-updates: { inherits: [f44] }
          builds:
            - { nvr: python-pyte-0.8.1-1.fc44, tags: [f44], days_ago: 400 }
            - { nvr: bash-5.2.37-1.fc44, tags: [f44], days_ago: 30 }
          targets: { f44-container: { build_tag: f44-build, dest_tag: f44 } }
        """;

    [Fact]
    public async Task Session_calls_carry_id_key_and_a_call_number_that_increases_from_zero()
    {
        using var hub = KojiStories.Start(World, KojiStories.Password("releng-bot", "sandbox"));
        await using var session = await hub.Koji.LoginAsync();

        var user = await session.GetLoggedInUserAsync();
        await session.GetLoggedInUserAsync();
        await session.UnblockPackageAsync("f44", "python-pyte");

        Assert.Equal(("releng-bot", 0), (user!.Name, user.AuthType));
        var sessionCalls = hub.Server(ServiceName.Koji).LogEntries.Select(e => e.RequestMessage)
            .Where(r => r.Headers!.ContainsKey("Koji-Session-Id")).OrderBy(r => r.DateTime).ToList();
        Assert.Equal(["0", "1", "2"], sessionCalls.Select(r => r.Headers!["Koji-Session-Callnum"].Single()));
        Assert.All(sessionCalls, r => Assert.Equal(session.SessionId.ToString(), r.Headers!["Koji-Session-Id"].Single()));
        Assert.All(sessionCalls, r => Assert.False(string.IsNullOrEmpty(r.Headers!["Koji-Session-Key"].Single())));
    }

    [Fact]
    public async Task Unblocking_makes_the_package_visible_again_and_a_second_unblock_says_not_blocked()
    {
        using var hub = KojiStories.Start(World, KojiStories.Password("packager", "pw"));
        Assert.Empty(await hub.Koji.GetLatestBuildsAsync("f44", "python-pyte"));
        var before = await hub.Koji.GetLastEventAsync();
        await using var session = await hub.Koji.LoginAsync();

        await session.UnblockPackageAsync("f44", "python-pyte");

        Assert.False((await hub.Koji.GetPackageConfigAsync("f44", "python-pyte"))!.Blocked);
        Assert.True((await hub.Koji.GetPackageConfigAsync("f44", "python-pyte", atEvent: before.Id))!.Blocked);
        Assert.Equal("python-pyte-0.8.1-1.fc44", (await hub.Koji.GetLatestBuildsAsync("f44", "python-pyte")).Single().Nvr);
        var again = await Assert.ThrowsAsync<KojiGenericException>(() => session.UnblockPackageAsync("f44", "python-pyte"));
        Assert.Equal("package python-pyte NOT blocked in tag f44", again.FaultString);
    }

    [Fact]
    public async Task An_anonymous_write_is_not_allowed()
    {
        using var hub = KojiStories.Start(World);

        await Assert.ThrowsAsync<KojiActionNotAllowedException>(() =>
            hub.Koji.CallAsync(KojiCalls.PackageListUnblock("f44", "python-pyte")));
    }

    [Fact]
    public async Task A_kiwi_build_leaves_a_free_task_with_no_start_time_and_no_build_yet()
    {
        using var hub = KojiStories.Start(World, KojiStories.Password("releng-bot", "sandbox"));
        await using var session = await hub.Koji.LoginAsync();

        var taskId = await session.KiwiBuildAsync(new KiwiBuildRequest
        {
            Target = "f44-container", Arches = ["x86_64", "aarch64"], Profile = "Container-Base-Generic",
            DescriptionUrl = "git+https://pagure.io/fedora-kiwi-descriptions.git#abc", DescriptionPath = "Fedora.kiwi",
        });

        var running = await hub.Koji.ListTasksAsync(new KojiTaskQuery { Method = "kiwiBuild", States = KojiTaskQuery.ActiveStates });
        var task = Assert.Single(running);
        Assert.Equal((taskId, "f44-container", "Container-Base-Generic"), (task.Id, task.KiwiTarget, task.KiwiProfile));
        var info = (await hub.Koji.GetTaskInfoAsync(taskId))!;
        Assert.Equal(KojiTaskState.Free, info.State);
        Assert.Null(info.StartTime);
        Assert.Null(info.OwnerName); // getTaskInfo has no owner_name; listTasks has
        Assert.Equal("releng-bot", task.OwnerName);
        Assert.Empty(await hub.Koji.ListBuildsAsync(new ListBuildsQuery { Package = "Fedora-Container-Base-Generic", Type = "image" }));
    }

    [Fact]
    public async Task A_kiwi_build_needs_the_image_permission()
    {
        using var hub = KojiStories.Start(World, KojiStories.Password("packager", "pw"));
        await using var session = await hub.Koji.LoginAsync();

        await Assert.ThrowsAsync<KojiActionNotAllowedException>(() => session.KiwiBuildAsync(new KiwiBuildRequest
        {
            Target = "f44-container", Arches = ["x86_64"], DescriptionUrl = "git+https://x#y", DescriptionPath = "Fedora.kiwi",
        }));
    }

    [Fact]
    public async Task After_logout_the_session_is_closed()
    {
        using var hub = KojiStories.Start(World, KojiStories.Password("packager", "pw"));
        var session = await hub.Koji.LoginAsync();

        await session.LogoutAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.GetLoggedInUserAsync());
        Assert.False(hub.World.Koji.Sessions.Single().Active);
    }

    [Fact]
    public async Task A_certificate_login_goes_to_the_ssllogin_url()
    {
        var pem = Path.Combine(Path.GetTempPath(), $"koji-client-{Guid.NewGuid()}.pem");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=releng-bot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(pem, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        }
        try
        {
            using var hub = KojiStories.Start(World, KojiStories.Anonymous with { KojiClientCert = pem });
            await using var session = await hub.Koji.LoginAsync();

            var user = await session.GetLoggedInUserAsync();

            Assert.Equal(("releng-bot", 2), (user!.Name, user.AuthType));
            Assert.Contains(hub.Server(ServiceName.Koji).LogEntries, e => e.RequestMessage.Path == "/kojihub/ssllogin");
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public async Task A_certificate_given_as_pem_text_as_a_ci_secret_holds_it_logs_in_too()
    {
        string pem;
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=releng-bot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            pem = certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem();
        }
        using var hub = KojiStories.Start(World, KojiStories.Anonymous with { KojiClientCert = pem });
        await using var session = await hub.Koji.LoginAsync();

        Assert.Equal("releng-bot", (await session.GetLoggedInUserAsync())!.Name);
        Assert.Contains(hub.Server(ServiceName.Koji).LogEntries, e => e.RequestMessage.Path == "/kojihub/ssllogin");
    }
}
