using System.Security.Cryptography;
using System.Text;
using Releng.Jobs.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>Reads a scenario file strictly: a typo in a hand-written scenario is an error with its line, not a silent gap.</summary>
public static class ScenarioLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithEnforceRequiredMembers()
        .Build();

    public static (Scenario Scenario, string Hash) Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(path, 0, 0, "scenario file not found");
        }
        var text = File.ReadAllText(path);
        try
        {
            var scenario = Deserializer.Deserialize<Scenario?>(text) ?? new Scenario();
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
            return (scenario, hash);
        }
        catch (YamlException e)
        {
            throw ConfigurationException.FromYaml(path, e);
        }
    }
}
