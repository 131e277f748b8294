using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.DistGit;
using Releng.Jobs.Http;
using Releng.Jobs.Secrets;
using Releng.Jobs.Services;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>The two ways the bot reaches dist-git to push: HTTPS with its token as the token's own account, SSH with a key from a secret.</summary>
public sealed class GitTransportTests
{
    private const string TicketUrl = "https://pagure.io/releng/issue/12001";

    [Fact]
    public async Task Over_https_git_authenticates_as_the_account_whoami_gives_for_the_token()
    {
        await using var sandbox = DistGitStories.Start();
        sandbox.Server(ServiceName.DistGit).Given(Request.Create().WithPath("/api/0/-/whoami").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"username":"fedora-releng-bot"}"""));
        var endpoints = sandbox.Endpoints with { DistGitGit = new Uri(sandbox.Server(ServiceName.DistGit).Url! + "/") };
        using var provider = new ServiceCollection()
            .AddDistGit(endpoints, new Credentials(null, DistGitStories.Token, null, null, null, null, null, null, null),
                new HttpOptions { MaxRetries = 0 })
            .BuildServiceProvider();
        var git = new GitClient(provider.GetRequiredService<GitClientOptions>() with { TempRoot = sandbox.TempRoot });

        // The fake serves no git over HTTP; the clone fails, but git has shown the credentials it would push with.
        await Assert.ThrowsAsync<GitCommandException>(() => git.CloneAsync(DistGitStories.Pyte));

        var gitRequest = sandbox.Server(ServiceName.DistGit).LogEntries.First(e => e.RequestMessage.Path == "/rpms/python-pyte.git/info/refs");
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"fedora-releng-bot:{DistGitStories.Token}"));
        Assert.Equal($"Basic {expected}", gitRequest.RequestMessage.Headers!["Authorization"].Single());
        Assert.Single(sandbox.Server(ServiceName.DistGit).LogEntries, e => e.RequestMessage.Path == "/api/0/-/whoami");
        Assert.Empty(Directory.EnumerateFileSystemEntries(sandbox.TempRoot));
    }

    [Fact]
    public async Task Over_ssh_git_uses_the_key_from_the_secret_and_only_the_pinned_host_keys_and_removes_them_after()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the stand-in ssh below is a shell script
        }
        await using var sandbox = DistGitStories.Start();
        var bin = Directory.CreateDirectory(Path.Combine(sandbox.Root, "bin")).FullName;
        var record = Path.Combine(sandbox.Root, "ssh-calls");
        var ssh = Path.Combine(bin, "ssh");
        var gitRoot = sandbox.Endpoints.DistGitGit.LocalPath.TrimEnd('/');
        // A stand-in for ssh that checks what a real one would be given, then runs the git command on the local
        // repositories instead of a remote host.
        File.WriteAllText(ssh, $$"""
            #!/bin/sh
            key=""; known=""
            while [ $# -gt 2 ]; do
              case "$1" in
                -i) key="$2"; shift ;;
                -o) case "$2" in UserKnownHostsFile=*) known="${2#UserKnownHostsFile=}" ;; esac; echo "option $2" >> '{{record}}'; shift ;;
                -p) shift ;;
              esac
              shift
            done
            echo "host $1" >> '{{record}}'
            echo "key $(stat -c %a "$key") $(cat "$key")" >> '{{record}}'
            echo "known $(cat "$known")" >> '{{record}}'
            command=$(printf '%s' "$2" | sed "s#'/#'{{gitRoot}}/#")
            exec sh -c "$command"
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(ssh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var git = new GitClient(new GitClientOptions(new Uri("ssh://pkgs.example.org/"))
        {
            TempRoot = sandbox.TempRoot,
            SshExecutable = ssh,
            SshKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nsandbox-key\n-----END OPENSSH PRIVATE KEY-----",
            SshKnownHosts = "pkgs.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPinnedHostKey",
            PushUserLookup = _ => Task.FromResult("releng-bot"),
        });

        var retiredHead = sandbox.Head(DistGitStories.Pyte, "rawhide");
        await using (var copy = await git.CloneAsync(DistGitStories.Pyte))
        {
            var reverts = await copy.RevertRetirementAsync(["rawhide"], TicketUrl);
            Assert.Equal(RevertStatus.Reverted, Assert.Single(reverts).Status);
        }

        var calls = File.ReadAllLines(record);
        Assert.Contains("host releng-bot@pkgs.example.org", calls);
        Assert.Contains("key 600 -----BEGIN OPENSSH PRIVATE KEY-----", calls);
        Assert.Contains("sandbox-key", calls);
        Assert.Contains("known pkgs.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPinnedHostKey", calls);
        Assert.Contains("option StrictHostKeyChecking=yes", calls);
        Assert.Contains("option IdentitiesOnly=yes", calls);
        Assert.Contains("option BatchMode=yes", calls);
        Assert.NotEqual(retiredHead, sandbox.Head(DistGitStories.Pyte, "rawhide"));
        Assert.Contains(TicketUrl, sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%B", "refs/heads/rawhide"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(sandbox.TempRoot));
    }

    [Fact]
    public async Task Over_ssh_without_a_key_or_pinned_host_keys_nothing_is_tried()
    {
        var root = Directory.CreateTempSubdirectory("releng-ssh-").FullName;
        try
        {
            var git = new GitClient(new GitClientOptions(new Uri("ssh://pkgs.example.org/")) { TempRoot = root, SshKey = "key" });

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => git.CloneAsync(DistGitStories.Pyte));

            Assert.Contains("DISTGIT_SSH_KNOWN_HOSTS", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
