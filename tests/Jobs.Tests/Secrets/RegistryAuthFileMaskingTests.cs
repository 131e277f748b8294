using System.Text;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Secrets;

/// <summary>Credentials read from a registry's auth file are secrets like any other: masked in every output.</summary>
public sealed class RegistryAuthFileMaskingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("releng-authfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private Credentials WithAuthFile(string json)
    {
        var path = Path.Combine(_directory, "auth.json");
        File.WriteAllText(path, json);
        var environment = new Dictionary<string, string> { ["REGISTRY_QUAY_IO_AUTH_FILE"] = path };
        return Credentials.FromEnvironment(environment.GetValueOrDefault, environment.Keys);
    }

    [Fact]
    public void An_auth_entry_is_masked_whole_and_the_password_inside_it_too()
    {
        var auth = Base64("fedora+bot:quay-robot-token-77");
        var masker = new SecretMasker(WithAuthFile("""{"auths":{"quay.io/fedora":{"auth":"AUTH"}}}""".Replace("AUTH", auth, StringComparison.Ordinal)).Values());

        var masked = masker.Apply($"skopeo: credentials {auth} rejected; token quay-robot-token-77");

        Assert.Equal("skopeo: credentials *** rejected; token ***", masked);
    }

    [Fact]
    public void Identity_and_registry_tokens_and_plain_passwords_of_an_auth_file_are_masked()
    {
        var masker = new SecretMasker(WithAuthFile("""
            {"auths":{"quay.io":{"identitytoken":"id-token-1234"},"registry.example":{"registrytoken":"reg-token-5678","username":"bot","password":"plain-pass-9"}}}
            """).Values());

        Assert.Equal("*** *** *** bot", masker.Apply("id-token-1234 reg-token-5678 plain-pass-9 bot"));
    }

    [Fact]
    public void A_missing_or_malformed_auth_file_adds_no_secret_and_does_not_fail_the_start()
    {
        var environment = new Dictionary<string, string> { ["REGISTRY_QUAY_IO_AUTH_FILE"] = Path.Combine(_directory, "absent.json") };

        Assert.Empty(Credentials.FromEnvironment(environment.GetValueOrDefault, environment.Keys).Values());
        Assert.Empty(WithAuthFile("{ not json").Values());
        Assert.Empty(WithAuthFile("""{"auths":{"quay.io":"x"}}""").Values());
    }

    [Fact]
    public void The_auth_value_skopeo_gets_for_a_user_and_password_is_masked_too()
    {
        var environment = new Dictionary<string, string>
        {
            ["REGISTRY_USER"] = "pusher", ["REGISTRY_PASSWORD"] = "shared-secret-1",
            ["REGISTRY_QUAY_IO_USER"] = "fedora+bot", ["REGISTRY_QUAY_IO_PASSWORD"] = "quay-secret-2",
        };
        var masker = new SecretMasker(Credentials.FromEnvironment(environment.GetValueOrDefault, environment.Keys).Values());

        var masked = masker.Apply($"{Base64("pusher:shared-secret-1")} {Base64("fedora+bot:quay-secret-2")}");

        Assert.Equal("*** ***", masked);
    }
}
