using Releng.Jobs.Registry;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Registry;

/// <summary>The command lines skopeo gets; no skopeo is run here.</summary>
public sealed class SkopeoArgumentsTests
{
    private static readonly ImageReference Quay = ImageReference.Parse("quay.io/fedora/fedora:44");
    private static readonly ImageReference Local = ImageReference.Parse("127.0.0.1:5000/fedora/fedora:44");

    [Fact]
    public void Tls_is_verified_for_remote_registries_even_when_loopback_registries_may_be_insecure()
    {
        var skopeo = Skopeo(new SkopeoOptions { InsecureLoopbackRegistries = true });

        var toQuay = skopeo.BuildCopy(new SkopeoCopy(ImageLocation.OciLayout("/stage/layout", "index"), ImageLocation.Registry(Quay)), "/d");
        var toLocal = skopeo.BuildCopy(new SkopeoCopy(ImageLocation.OciLayout("/stage/layout", "index"), ImageLocation.Registry(Local)), "/d");

        Assert.Contains("--dest-tls-verify=true", toQuay.Arguments);
        Assert.Contains("--dest-tls-verify=false", toLocal.Arguments);
        Assert.Contains("--tls-verify=true", skopeo.BuildInspect(Quay, null).Arguments);
        Assert.Contains("--tls-verify=false", skopeo.BuildInspect(Local, null).Arguments);
    }

    [Fact]
    public void Loopback_registries_are_verified_too_unless_the_options_allow_otherwise()
    {
        var skopeo = Skopeo(new SkopeoOptions());

        Assert.Contains("--tls-verify=true", skopeo.BuildInspect(Local, null).Arguments);
        Assert.Contains("--src-tls-verify=true",
            skopeo.BuildCopy(new SkopeoCopy(ImageLocation.Registry(Local), ImageLocation.OciLayout("/stage/layout", "a")), "/d").Arguments);
    }

    [Fact]
    public void Publishing_copies_all_images_with_digests_preserved_and_the_source_before_the_destination()
    {
        var skopeo = Skopeo(new SkopeoOptions { PolicyFile = "/etc/policy.json" });

        var arguments = skopeo.BuildCopy(
            new SkopeoCopy(ImageLocation.OciLayout("/stage/layout", "index"), ImageLocation.Registry(Quay))
            {
                Scope = CopyScope.AllImages,
                PreserveDigests = true,
            },
            "/tmp/digest").Arguments;

        Assert.Equal("--policy=/etc/policy.json", arguments[0]);
        Assert.Equal("copy", arguments[1]);
        Assert.Contains("--all", arguments);
        Assert.Contains("--preserve-digests", arguments);
        Assert.Contains("--digestfile=/tmp/digest", arguments);
        Assert.Equal(["oci:/stage/layout:index", "docker://quay.io/fedora/fedora:44"], arguments.TakeLast(2));
    }

    [Fact]
    public void Picking_one_platform_uses_the_global_override_flags_before_the_subcommand()
    {
        var skopeo = Skopeo(new SkopeoOptions { PolicyFile = "/p" });

        var arguments = skopeo.BuildCopy(
            new SkopeoCopy(ImageLocation.Registry(Quay), ImageLocation.OciLayout("/stage/layout", "image-0"))
            {
                SelectPlatform = new Platform("linux", "arm64", "v8"),
            },
            "/d").Arguments.ToList();

        var copy = arguments.IndexOf("copy");
        Assert.True(arguments.IndexOf("--override-arch=arm64") is var arch && arch >= 0 && arch < copy);
        Assert.True(arguments.IndexOf("--override-os=linux") is var os && os >= 0 && os < copy);
        Assert.True(arguments.IndexOf("--override-variant=v8") is var variant && variant >= 0 && variant < copy);
        Assert.DoesNotContain("--all", arguments);
    }

    [Fact]
    public void Credentials_are_passed_as_auth_file_paths()
    {
        var credentials = Credentials.FromEnvironment(n => n switch { "REGISTRY_USER" => "bot", "REGISTRY_PASSWORD" => "s3cret-value", _ => null });
        using var auth = RegistryAuthFile.Create(credentials, ["quay.io"])!;
        var skopeo = Skopeo(new SkopeoOptions());

        var copy = skopeo.BuildCopy(
            new SkopeoCopy(ImageLocation.Registry(Local), ImageLocation.Registry(Quay)) { SourceAuth = auth, DestinationAuth = auth }, "/d");
        var inspect = skopeo.BuildInspect(Quay, auth);

        Assert.Contains($"--src-authfile={auth.Path}", copy.Arguments);
        Assert.Contains($"--dest-authfile={auth.Path}", copy.Arguments);
        Assert.Contains($"--authfile={auth.Path}", inspect.Arguments);
        Assert.DoesNotContain(copy.Arguments.Concat(inspect.Arguments), a => a.Contains("s3cret-value", StringComparison.Ordinal) || a.Contains("bot", StringComparison.Ordinal));
    }

    [Fact]
    public void The_auth_file_holds_the_credentials_readable_only_by_its_owner_and_is_gone_after_dispose()
    {
        var credentials = Credentials.FromEnvironment(n => n switch { "REGISTRY_USER" => "bot", "REGISTRY_PASSWORD" => "s3cret-value", _ => null });
        var auth = RegistryAuthFile.Create(credentials, ["quay.io", "registry.fedoraproject.org", "quay.io"])!;
        var path = auth.Path;

        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var expected = Convert.ToBase64String("bot:s3cret-value"u8.ToArray());
        Assert.Equal(expected, json.RootElement.GetProperty("auths").GetProperty("quay.io").GetProperty("auth").GetString());
        Assert.Equal(expected, json.RootElement.GetProperty("auths").GetProperty("registry.fedoraproject.org").GetProperty("auth").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        auth.Dispose();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Each_registry_gets_its_own_credentials_and_the_shared_pair_covers_the_rest()
    {
        var environment = new Dictionary<string, string>
        {
            ["REGISTRY_QUAY_IO_USER"] = "quay-bot", ["REGISTRY_QUAY_IO_PASSWORD"] = "quay-s3cret",
            ["REGISTRY_USER"] = "shared-bot", ["REGISTRY_PASSWORD"] = "shared-s3cret",
        };
        var credentials = Credentials.FromEnvironment(environment.GetValueOrDefault, environment.Keys);
        using var auth = RegistryAuthFile.Create(credentials, ["quay.io", "registry.fedoraproject.org"])!;

        var auths = System.Text.Json.JsonDocument.Parse(File.ReadAllText(auth.Path)).RootElement.GetProperty("auths");
        Assert.Equal(Convert.ToBase64String("quay-bot:quay-s3cret"u8.ToArray()), auths.GetProperty("quay.io").GetProperty("auth").GetString());
        Assert.Equal(Convert.ToBase64String("shared-bot:shared-s3cret"u8.ToArray()),
            auths.GetProperty("registry.fedoraproject.org").GetProperty("auth").GetString());
        Assert.Contains("quay-s3cret", credentials.Values());
        Assert.Contains("REGISTRY_QUAY_IO_PASSWORD set", credentials.ToString());
        Assert.DoesNotContain("quay-s3cret", credentials.ToString());
    }

    [Fact]
    public void A_registry_may_name_an_auth_file_whose_entry_is_copied_and_only_that_registry_gets_it()
    {
        var directory = Directory.CreateTempSubdirectory("auth-source-").FullName;
        try
        {
            var source = Path.Combine(directory, "auth.json");
            File.WriteAllText(source, """{"auths":{"registry.fedoraproject.org":{"auth":"ZmVkb3JhOnRva2Vu"},"other.example":{"auth":"eDp5"}}}""");
            var environment = new Dictionary<string, string> { ["REGISTRY_REGISTRY_FEDORAPROJECT_ORG_AUTH_FILE"] = source };
            var credentials = Credentials.FromEnvironment(environment.GetValueOrDefault, environment.Keys);

            using var auth = RegistryAuthFile.Create(credentials, ["registry.fedoraproject.org", "quay.io"])!;

            var auths = System.Text.Json.JsonDocument.Parse(File.ReadAllText(auth.Path)).RootElement.GetProperty("auths");
            Assert.Equal("ZmVkb3JhOnRva2Vu", auths.GetProperty("registry.fedoraproject.org").GetProperty("auth").GetString());
            Assert.False(auths.TryGetProperty("quay.io", out _));
            Assert.False(auths.TryGetProperty("other.example", out _));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_registry_variable_name_is_its_host_in_capitals_with_underscores()
    {
        Assert.Equal("REGISTRY_QUAY_IO_", Releng.Jobs.Secrets.RegistryLogins.VariablePrefix("quay.io"));
        Assert.Equal("REGISTRY_LOCALHOST_5000_", Releng.Jobs.Secrets.RegistryLogins.VariablePrefix("localhost:5000"));
    }

    [Fact]
    public void Without_registry_credentials_there_is_no_auth_file()
    {
        Assert.Null(RegistryAuthFile.Create(Credentials.FromEnvironment(_ => null), ["quay.io"]));
        Assert.Null(RegistryAuthFile.Create(Credentials.FromEnvironment(n => n == "REGISTRY_USER" ? "bot" : null), ["quay.io"]));
    }

    [Fact]
    public async Task A_missing_skopeo_fails_with_a_message_naming_the_install_script()
    {
        var skopeo = new Skopeo(new ProcessToolRunner(), new SkopeoOptions { Executable = "/nonexistent/skopeo" }, SecretMasker.None);

        var error = await Assert.ThrowsAsync<ToolNotFoundException>(() => skopeo.InspectRawAsync(Quay, null, CancellationToken.None));

        Assert.Contains(".ci/install-tools.sh", error.Message);
    }

    [Fact]
    public async Task A_failing_command_reports_skopeo_error_text_with_secrets_masked()
    {
        var runner = new ScriptedRunner(new ToolResult(1, [], "level=fatal msg=\"unauthorized for hunter22secret\""));
        var skopeo = new Skopeo(runner, new SkopeoOptions(), new SecretMasker(["hunter22secret"]));

        var error = await Assert.ThrowsAsync<SkopeoException>(() => skopeo.InspectRawAsync(Quay, null, CancellationToken.None));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("unauthorized for ***", error.Message);
        Assert.DoesNotContain("hunter22secret", error.Message);
    }

    [Fact]
    public async Task Inspect_returns_the_exact_bytes_and_their_digest()
    {
        var index = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}"""u8.ToArray();
        var skopeo = new Skopeo(new ScriptedRunner(new ToolResult(0, index, "")), new SkopeoOptions(), SecretMasker.None);

        var raw = await skopeo.InspectRawAsync(Quay, null, CancellationToken.None);

        Assert.Equal(index, raw!.Content);
        Assert.Equal(Digests.Sha256(index), raw.Digest);
        Assert.Equal(OciMediaTypes.ImageIndex, raw.MediaType);
    }

    private static Skopeo Skopeo(SkopeoOptions options) => new(new ScriptedRunner(new ToolResult(0, [], "")), options, SecretMasker.None);

    private sealed class ScriptedRunner(ToolResult result) : IToolRunner
    {
        public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken) => Task.FromResult(result);
    }
}
