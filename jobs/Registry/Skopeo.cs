using Releng.Jobs.Secrets;

namespace Releng.Jobs.Registry;

/// <summary>
/// Runs the real <c>skopeo</c> (1.9 or later) with argument lists. Credentials only ever travel in an auth file
/// (<see cref="RegistryAuthFile"/>), never as <c>--creds</c>, because command lines are logged and visible to every
/// process on the machine.
/// </summary>
public sealed class Skopeo(IToolRunner runner, SkopeoOptions options, SecretMasker masker)
{
    public SkopeoOptions Options { get; } = options;

    /// <summary>
    /// <c>skopeo inspect --raw</c>: the manifest or index a tag (or digest) points to, byte for byte, with its digest;
    /// <c>null</c> when the tag or repository does not exist.
    /// </summary>
    public async Task<RawManifest?> InspectRawAsync(ImageReference image, RegistryAuthFile? auth, CancellationToken cancellationToken)
    {
        var invocation = BuildInspect(image, auth);
        var result = await RunAsync(invocation, cancellationToken);
        if (result.ExitCode != 0)
        {
            if (IsMissing(result.StandardError))
            {
                return null;
            }
            throw Failure(invocation, result);
        }
        return RawManifest.FromBytes(result.StandardOutput);
    }

    /// <summary><c>skopeo copy</c>; returns the digest of what was written (the index digest for <see cref="CopyScope.AllImages"/>).</summary>
    public async Task<string> CopyAsync(SkopeoCopy copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var digestDirectory = CreatePrivateDirectory("digest-");
        try
        {
            var digestFile = Path.Combine(digestDirectory, "digest");
            var invocation = BuildCopy(copy, digestFile);
            var result = await RunAsync(invocation, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw Failure(invocation, result);
            }
            var digest = File.Exists(digestFile) ? (await File.ReadAllTextAsync(digestFile, cancellationToken)).Trim() : "";
            return Digests.IsSha256(digest)
                ? digest
                : throw new SkopeoException(Mask(invocation.CommandLine), 0, $"skopeo wrote no digest ('{digest}').");
        }
        finally
        {
            Directory.Delete(digestDirectory, recursive: true);
        }
    }

    internal ToolInvocation BuildInspect(ImageReference image, RegistryAuthFile? auth)
    {
        ArgumentNullException.ThrowIfNull(image);
        var arguments = new List<string>();
        AddGlobalOptions(arguments, needsPolicy: false);
        arguments.Add("inspect");
        arguments.Add("--raw");
        arguments.Add($"--tls-verify={VerifiesTls(image)}");
        arguments.Add($"--retry-times={Options.RetryTimes}");
        if (auth is not null)
        {
            arguments.Add($"--authfile={auth.Path}");
        }
        arguments.Add(image.ToDockerTransport());
        return Invocation(arguments);
    }

    internal ToolInvocation BuildCopy(SkopeoCopy copy, string digestFile)
    {
        var arguments = new List<string>();
        AddGlobalOptions(arguments, needsPolicy: true);
        if (copy.Scope == CopyScope.SingleImage && copy.SelectPlatform is { } platform)
        {
            arguments.Add($"--override-os={platform.Os}");
            arguments.Add($"--override-arch={platform.Architecture}");
            if (platform.Variant is not null)
            {
                arguments.Add($"--override-variant={platform.Variant}");
            }
        }
        arguments.Add("copy");
        arguments.Add("--quiet");
        if (copy.Scope == CopyScope.AllImages)
        {
            arguments.Add("--all");
        }
        if (copy.PreserveDigests)
        {
            arguments.Add("--preserve-digests");
        }
        arguments.Add($"--retry-times={Options.RetryTimes}");
        if (copy.Source.Image is { } source)
        {
            arguments.Add($"--src-tls-verify={VerifiesTls(source)}");
            if (copy.SourceAuth is not null)
            {
                arguments.Add($"--src-authfile={copy.SourceAuth.Path}");
            }
        }
        if (copy.Destination.Image is { } destination)
        {
            arguments.Add($"--dest-tls-verify={VerifiesTls(destination)}");
            if (copy.DestinationAuth is not null)
            {
                arguments.Add($"--dest-authfile={copy.DestinationAuth.Path}");
            }
        }
        arguments.Add($"--digestfile={digestFile}");
        arguments.Add(copy.Source.ToSkopeoArgument());
        arguments.Add(copy.Destination.ToSkopeoArgument());
        return Invocation(arguments);
    }

    /// <summary>A directory only this user can read, under <see cref="SkopeoOptions.WorkDirectory"/> or the temp directory.</summary>
    internal string CreatePrivateDirectory(string prefix)
    {
        if (Options.WorkDirectory is null || OperatingSystem.IsWindows())
        {
            return Directory.CreateTempSubdirectory("releng-" + prefix).FullName;
        }
        Directory.CreateDirectory(Options.WorkDirectory);
        return Directory.CreateDirectory(
            Path.Combine(Options.WorkDirectory, prefix + Guid.NewGuid().ToString("N")),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
    }

    private void AddGlobalOptions(List<string> arguments, bool needsPolicy)
    {
        if (Options.WorkDirectory is not null)
        {
            arguments.Add($"--tmpdir={Options.WorkDirectory}");
        }
        if (!needsPolicy)
        {
            return;
        }
        if (Options.PolicyFile is not null)
        {
            arguments.Add($"--policy={Options.PolicyFile}");
        }
        else if (!File.Exists(SkopeoOptions.DefaultPolicyFile))
        {
            arguments.Add("--insecure-policy");
        }
    }

    private string VerifiesTls(ImageReference image) =>
        Options.InsecureLoopbackRegistries && image.Repository.IsLoopback ? "false" : "true";

    private ToolInvocation Invocation(List<string> arguments) => new(Options.Executable, arguments, Options.Environment);

    private async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        Options.CommandLog?.Invoke(Mask(invocation.CommandLine));
        return await runner.RunAsync(invocation, cancellationToken);
    }

    private SkopeoException Failure(ToolInvocation invocation, ToolResult result) =>
        new(Mask(invocation.CommandLine), result.ExitCode, Mask(result.StandardError));

    private string Mask(string text) => masker.Apply(text);

    // skopeo 1.9 against registry 2.8 prints "manifest unknown" for a missing tag, also in a missing repository;
    // other registries answer "name unknown" for a missing repository.
    private static bool IsMissing(string error) =>
        error.Contains("manifest unknown", StringComparison.OrdinalIgnoreCase)
        || error.Contains("name unknown", StringComparison.OrdinalIgnoreCase);
}
