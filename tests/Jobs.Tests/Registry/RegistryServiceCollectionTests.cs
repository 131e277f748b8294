using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Registry;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Registry;

public sealed class RegistryServiceCollectionTests
{
    [Fact]
    public void The_publisher_and_reader_resolve_with_the_given_skopeo_options()
    {
        var options = new SkopeoOptions { Executable = "/opt/skopeo/bin/skopeo" };
        using var provider = new ServiceCollection()
            .AddRegistry(Credentials.FromEnvironment(_ => null), options)
            .BuildServiceProvider();

        Assert.IsType<RegistryPublisher>(provider.GetRequiredService<IRegistryPublisher>());
        Assert.IsType<RegistryReader>(provider.GetRequiredService<IRegistryReader>());
        Assert.Same(options, provider.GetRequiredService<Skopeo>().Options);
    }
}
