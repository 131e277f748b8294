using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Jobs.Accounts;
using Releng.Jobs.Kerberos;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Releng.Jobs.Tests.Accounts;

/// <summary>The FASJSON account directory, read over HTTP from the sandbox's FASJSON fake (as every sandbox run does).</summary>
public sealed class FasjsonAccountDirectoryTests
{
    private static readonly Dictionary<string, PersonScenario> People = new()
    {
        ["jdoe"] = new() { Email = "jdoe@example.com", Groups = ["provenpackager"] },
        ["jdoe2"] = new() { Email = "jdoe@example.com.au" },
        ["rosa"] = new() { Groups = ["releng"] },
        ["bob"] = new() { Groups = ["releng"] },
        ["nils"] = new() { Packager = false },
    };

    private static readonly IAccountDirectory Directory = FasjsonPeople.Directory(People);

    [Fact]
    public async Task Account_is_found_by_its_email_its_fedora_alias_and_its_user_name()
    {
        var expected = new FedoraAccount("jdoe", "jdoe@example.com", IsPackager: true);

        Assert.Equal(expected, await Directory.FindByEmailAsync("JDoe@Example.com"));
        Assert.Equal(expected, await Directory.FindByEmailAsync("jdoe@fedoraproject.org"));
        Assert.Equal(expected, await Directory.FindByUserAsync("jdoe"));
        Assert.Equal(new FedoraAccount("jdoe2", "jdoe@example.com.au", true), await Directory.FindByEmailAsync("jdoe@example.com.au"));
        Assert.Equal(new FedoraAccount("rosa", "rosa@fedoraproject.org", true), await Directory.FindByEmailAsync("rosa@fedoraproject.org"));
    }

    [Fact]
    public async Task Unknown_people_have_no_account_and_no_groups()
    {
        Assert.Null(await Directory.FindByEmailAsync("stranger@example.com"));
        Assert.Null(await Directory.FindByEmailAsync("stranger@fedoraproject.org"));
        Assert.Null(await Directory.FindByEmailAsync("doe@example.com")); // the search's substring match is not a match
        Assert.Null(await Directory.FindByUserAsync("stranger"));
        Assert.Null(await Directory.FindByUserAsync("JDOE"));
        Assert.Null(await Directory.FindByUserAsync("../jdoe"));
        Assert.False(await Directory.IsPackagerAsync("stranger"));
        Assert.False(await Directory.IsInGroupAsync("stranger", "releng"));
        Assert.False(await Directory.IsInGroupAsync("jdoe", "no-such-group"));
        Assert.Empty(await Directory.GroupMembersAsync("no-such-group"));
    }

    [Fact]
    public async Task Packager_flag_is_membership_of_packager_and_groups_list_their_members_sorted()
    {
        Assert.True(await Directory.IsPackagerAsync("jdoe"));
        Assert.False(await Directory.IsPackagerAsync("nils"));
        Assert.True(await Directory.IsInGroupAsync("jdoe", "packager"));
        Assert.False(await Directory.IsInGroupAsync("nils", "packager"));
        Assert.True(await Directory.IsInGroupAsync("rosa", "releng"));
        Assert.False(await Directory.IsInGroupAsync("jdoe", "releng"));
        Assert.Equal(["bob", "rosa"], await Directory.GroupMembersAsync("releng"));
        Assert.Equal(["bob", "jdoe", "jdoe2", "rosa"], await Directory.GroupMembersAsync("packager"));
    }

    [Fact]
    public async Task Answers_are_kept_for_the_run_so_a_second_question_sends_nothing()
    {
        var directory = FasjsonPeople.Directory(People, out var server);

        await directory.IsInGroupAsync("rosa", "releng");
        await directory.FindByUserAsync("jdoe");
        var sent = server.LogEntries.Count();
        await directory.IsInGroupAsync("rosa", "releng");
        await directory.FindByUserAsync("jdoe");
        await directory.IsPackagerAsync("jdoe");

        Assert.Equal(3, sent); // rosa's membership; jdoe's account, and its packager membership for the account's flag
        Assert.Equal(sent, server.LogEntries.Count());
        Assert.Contains(server.LogEntries, e => e.RequestMessage.Path == "/v1/groups/releng/is-member/rosa");
    }

    [Fact]
    public async Task Members_are_read_page_by_page_until_the_last()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v1/groups/big/members/").WithParam("page_number", "1").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                """{"result":[{"username":"b","uri":"u"},{"username":"a","uri":"u"}],"page":{"total_results":3,"page_size":2,"page_number":1,"total_pages":2,"next_page":"n"}}"""));
        server.Given(Request.Create().WithPath("/v1/groups/big/members/").WithParam("page_number", "2").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                """{"result":[{"username":"c","uri":"u"}],"page":{"total_results":3,"page_size":2,"page_number":2,"total_pages":2}}"""));

        var members = await FasjsonPeople.Over(new Uri(server.Urls[0] + "/")).GroupMembersAsync("big");

        Assert.Equal(["a", "b", "c"], members);
    }

    [Fact]
    public async Task A_refused_ticket_says_so_in_one_line_and_never_means_not_a_packager()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Negotiate")
                .WithHeader("Content-Type", "application/json").WithBody("""{"message": "Unauthorized"}"""));
        var directory = FasjsonPeople.Over(new Uri($"http://localhost:{server.Ports[0]}/"));

        var error = await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => directory.IsPackagerAsync("jdoe"));

        Assert.StartsWith("cannot verify Fedora accounts: localhost refused the Kerberos ticket (HTTP 401)", error.Message);
        Assert.Contains("klist -k -t", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_failing_fasjson_is_no_answer_and_the_next_question_asks_again()
    {
        using var server = WireMockServer.Start();
        var down = Response.Create().WithStatusCode(500).WithHeader("Content-Type", "application/json")
            .WithBody("""{"message": "LDAP server is down", "source": "LDAP"}""");
        // Down for the first try and its retry, up afterwards.
        server.Given(Request.Create().UsingGet()).InScenario("ldap").WillSetStateTo("retried").RespondWith(down);
        server.Given(Request.Create().UsingGet()).InScenario("ldap").WhenStateIs("retried").WillSetStateTo("up").RespondWith(down);
        server.Given(Request.Create().UsingGet()).InScenario("ldap").WhenStateIs("up")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"result": true}"""));
        var directory = FasjsonPeople.Over(new Uri(server.Urls[0] + "/"));

        var error = await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => directory.IsPackagerAsync("jdoe"));
        Assert.Equal("cannot verify Fedora accounts: FASJSON failed to answer about membership of jdoe in packager: HTTP 500 LDAP server is down (LDAP)",
            error.Message);

        Assert.True(await directory.IsPackagerAsync("jdoe"));
    }

    [Fact]
    public async Task Unavailable_directory_answers_every_question_with_the_reason()
    {
        var directory = new UnavailableAccountDirectory();
        Task[] questions =
        [
            directory.FindByEmailAsync("jdoe@example.com"), directory.FindByUserAsync("jdoe"), directory.IsPackagerAsync("jdoe"),
            directory.IsInGroupAsync("jdoe", "releng"), directory.GroupMembersAsync("releng"),
        ];

        foreach (var question in questions)
        {
            var error = await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => question);
            Assert.Equal("cannot verify Fedora accounts: no account directory is configured", error.Message);
        }
    }

    [Fact]
    public void Real_environments_read_fasjson_only_with_kerberos_and_the_sandbox_reads_its_fake()
    {
        var endpoints = new ServiceEndpoints(new Uri("https://pagure.example/"), new Uri("https://src.example/"), new Uri("https://src.example/"),
            new Uri("https://koji.example/kojihub"), new Uri("https://bugzilla.example/"), new Uri("https://bodhi.example/"), null,
            Fasjson: new Uri("https://fasjson.example/"));
        var keytab = Path.GetTempFileName();
        try
        {
            var kerberos = SandboxCredentials.Default with { Krb5Keytab = keytab, Krb5Principal = "relengbot/ci@EXAMPLE" };
            using var without = new ServiceCollection().AddServiceClients(endpoints, SandboxCredentials.Default).BuildServiceProvider();
            using var notPrepared = new ServiceCollection()
                .AddAccounts(endpoints, kerberos, kerberos: new KerberosEnvironment(null, null, null)).BuildServiceProvider();
            using var prepared = new ServiceCollection().AddSingleton(endpoints)
                .AddAccounts(endpoints, kerberos, kerberos: new KerberosEnvironment(keytab, "MEMORY:bot", null)).BuildServiceProvider();
            using var sandbox = new ServiceCollection().AddServiceClients(endpoints, SandboxCredentials.Default)
                .AddSandboxStandIns(new SandboxWorld { People = { ["jdoe"] = new PersonScenario() } }).BuildServiceProvider();

            var error = Assert.Throws<AccountDirectoryUnavailableException>(() =>
                without.GetRequiredService<IAccountDirectory>().IsPackagerAsync("jdoe").GetAwaiter().GetResult());
            Assert.Equal("cannot verify Fedora accounts: FASJSON needs Kerberos and KRB5_KEYTAB and KRB5_PRINCIPAL are not set", error.Message);
            Assert.IsType<UnavailableAccountDirectory>(notPrepared.GetRequiredService<IAccountDirectory>());
            Assert.Equal("FasjsonAccountDirectory", prepared.GetRequiredService<IAccountDirectory>().GetType().Name);
            Assert.Equal("FasjsonAccountDirectory", sandbox.GetRequiredService<IAccountDirectory>().GetType().Name);
            Assert.Single(sandbox.GetServices<IAccountDirectory>());
        }
        finally
        {
            File.Delete(keytab);
        }
    }
}
