using Releng.Jobs.DistGit;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Secrets;

public sealed class CredentialsTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["PAGURE_TOKEN"] = "pagure-secret-1", ["DISTGIT_TOKEN"] = "distgit-secret-2", ["BUGZILLA_API_KEY"] = "bugzilla-secret-3",
        ["KOJI_USER"] = "releng-bot", ["KOJI_PASSWORD"] = "koji-secret-4", ["KOJI_CLIENT_CERT"] = "/etc/koji/client.pem",
        ["GITHUB_TOKEN"] = "github-secret-5", ["REGISTRY_USER"] = "pusher", ["REGISTRY_PASSWORD"] = "registry-secret-6",
        ["FORGE_TOKEN"] = "forge-secret-7", ["FORGE_WEBHOOK_SECRET"] = "webhook-secret-8",
    };

    [Fact]
    public void Printing_the_credentials_shows_which_are_present_and_no_value()
    {
        var credentials = Credentials.FromEnvironment(name => Environment.GetValueOrDefault(name));

        var text = credentials.ToString();
        var interpolated = $"{credentials}";

        foreach (var secret in credentials.Values())
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, interpolated, StringComparison.Ordinal);
        }
        Assert.Contains("PAGURE_TOKEN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forge_token_is_read_listed_as_present_and_masked_like_the_others()
    {
        var credentials = Credentials.FromEnvironment(name => Environment.GetValueOrDefault(name));

        Assert.Equal("forge-secret-7", credentials.ForgeToken);
        Assert.Contains(("FORGE_TOKEN", true), credentials.Presence());
        Assert.Contains("FORGE_TOKEN", Credentials.VariableNames);
        Assert.Equal("comment from *** as releng-bot",
            new SecretMasker(credentials.Values()).Apply("comment from forge-secret-7 as releng-bot"));
    }

    [Fact]
    public void The_webhook_secret_of_the_relay_is_masked_like_the_other_secrets()
    {
        var credentials = Credentials.FromEnvironment(name => Environment.GetValueOrDefault(name));

        Assert.Contains(("FORGE_WEBHOOK_SECRET", true), credentials.Presence());
        Assert.Equal("signed with ***", new SecretMasker(credentials.Values()).Apply("signed with webhook-secret-8"));
    }

    [Fact]
    public void Printing_git_options_never_shows_the_push_token()
    {
        var options = new GitClientOptions(new Uri("https://src.fedoraproject.org/")) { PushToken = "distgit-secret-2" };

        Assert.DoesNotContain("distgit-secret-2", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("src.fedoraproject.org", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_certificate_given_as_pem_text_is_masked_whole_and_line_by_line()
    {
        const string pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n-----END PRIVATE KEY-----\n";
        var credentials = Credentials.FromEnvironment(name => name == "KOJI_CLIENT_CERT" ? pem : null);
        var masker = new SecretMasker(credentials.Values());

        var masked = masker.Apply($"login failed with {pem} and line MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7");

        Assert.DoesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_certificate_path_is_not_treated_as_a_secret()
    {
        var credentials = Credentials.FromEnvironment(name => name == "KOJI_CLIENT_CERT" ? "/etc/pki/koji/client.pem" : null);

        Assert.Empty(credentials.Values());
    }
}
