using System.Collections.Concurrent;
using Releng.Jobs.Registry;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Registry;

/// <summary>
/// A temp directory, a skopeo that may talk plain HTTP to 127.0.0.1 and finds no credentials of this machine's user
/// (HOME and XDG_RUNTIME_DIR point into the temp directory), and the publisher and reader built on it.
/// </summary>
internal sealed class RegistryTestBed : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("registry-bed-");
    private readonly ConcurrentQueue<string> _commandLog = new();

    public RegistryTestBed(Credentials? credentials = null, Action<ToolInvocation>? beforeRun = null)
    {
        Credentials = credentials ?? Credentials.FromEnvironment(_ => null);
        Runner = new RecordingToolRunner(beforeRun);
        var home = Directory.CreateDirectory(Path.Combine(_directory.FullName, "home")).FullName;
        var options = new SkopeoOptions
        {
            InsecureLoopbackRegistries = true,
            WorkDirectory = Directory.CreateDirectory(Path.Combine(_directory.FullName, "work")).FullName,
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["XDG_RUNTIME_DIR"] = home,
                ["REGISTRY_AUTH_FILE"] = null,
            },
            CommandLog = _commandLog.Enqueue,
        };
        Skopeo = new Skopeo(Runner, options, new SecretMasker(Credentials.Values()));
        Publisher = new RegistryPublisher(Skopeo, Credentials);
        Reader = new RegistryReader(Skopeo, Credentials);
    }

    public Credentials Credentials { get; }

    public RecordingToolRunner Runner { get; }

    public Skopeo Skopeo { get; }

    public RegistryPublisher Publisher { get; }

    public RegistryReader Reader { get; }

    public IReadOnlyList<string> CommandLog => _commandLog.ToList();

    /// <summary>A fresh directory for test images.</summary>
    public string NewDirectory(string name) =>
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "images", $"{name}-{Guid.NewGuid():N}")).FullName;

    /// <summary>Two hand-made images, linux/amd64 and linux/arm64, as OCI layouts.</summary>
    public (TestImage Amd64, TestImage Arm64) TwoPlatformImages(string salt = "") =>
        (TestImages.WriteLayout(NewDirectory("amd64"), new Platform("linux", "amd64"), salt),
         TestImages.WriteLayout(NewDirectory("arm64"), new Platform("linux", "arm64"), salt));

    public void Dispose() => _directory.Delete(recursive: true);
}
