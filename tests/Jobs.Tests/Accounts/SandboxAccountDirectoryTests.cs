using Microsoft.Extensions.DependencyInjection;
using Releng.Build.Context;
using Releng.Jobs.Accounts;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Sandbox.Accounts;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;

namespace Releng.Jobs.Tests.Accounts;

public sealed class SandboxAccountDirectoryTests
{
    private static readonly SandboxAccountDirectory Directory = new(new Dictionary<string, PersonScenario>
    {
        ["jdoe"] = new() { Email = "jdoe@example.com", Groups = ["provenpackager"] },
        ["rosa"] = new() { Groups = ["releng"] },
        ["bob"] = new() { Groups = ["releng"] },
        ["nils"] = new() { Packager = false },
    });

    [Fact]
    public async Task Account_is_found_by_its_email_its_fedora_alias_and_its_user_name()
    {
        var expected = new FedoraAccount("jdoe", "jdoe@example.com", IsPackager: true);

        Assert.Equal(expected, await Directory.FindByEmailAsync("JDoe@Example.com"));
        Assert.Equal(expected, await Directory.FindByEmailAsync("jdoe@fedoraproject.org"));
        Assert.Equal(expected, await Directory.FindByUserAsync("jdoe"));
        Assert.Equal(new FedoraAccount("rosa", "rosa@fedoraproject.org", true), await Directory.FindByEmailAsync("rosa@fedoraproject.org"));
    }

    [Fact]
    public async Task Unknown_people_have_no_account_and_no_groups()
    {
        Assert.Null(await Directory.FindByEmailAsync("stranger@example.com"));
        Assert.Null(await Directory.FindByEmailAsync("stranger@fedoraproject.org"));
        Assert.Null(await Directory.FindByUserAsync("stranger"));
        Assert.Null(await Directory.FindByUserAsync("JDOE"));
        Assert.False(await Directory.IsPackagerAsync("stranger"));
        Assert.False(await Directory.IsInGroupAsync("stranger", "releng"));
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
        Assert.Equal(["bob", "jdoe", "rosa"], await Directory.GroupMembersAsync("packager"));
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
    public void Real_environments_get_the_unavailable_directory_and_the_sandbox_its_people()
    {
        var endpoints = new ServiceEndpoints(new Uri("https://pagure.example/"), new Uri("https://src.example/"), new Uri("https://src.example/"),
            new Uri("https://koji.example/kojihub"), new Uri("https://bugzilla.example/"), new Uri("https://bodhi.example/"), null);
        var real = new ServiceCollection().AddServiceClients(endpoints, SandboxCredentials.Default);
        var sandbox = new ServiceCollection().AddServiceClients(endpoints, SandboxCredentials.Default)
            .AddSandboxStandIns(new SandboxWorld { People = { ["jdoe"] = new PersonScenario() } });

        using var realServices = real.BuildServiceProvider();
        using var sandboxServices = sandbox.BuildServiceProvider();

        Assert.IsType<UnavailableAccountDirectory>(realServices.GetRequiredService<IAccountDirectory>());
        Assert.IsType<SandboxAccountDirectory>(sandboxServices.GetRequiredService<IAccountDirectory>());
        Assert.Single(sandboxServices.GetServices<IAccountDirectory>());
    }
}
