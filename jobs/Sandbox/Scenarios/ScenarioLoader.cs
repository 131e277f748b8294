using System.Security.Cryptography;
using System.Text;
using Releng.Jobs.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// Reads a scenario file strictly: a typo in a hand-written scenario is an error with its file and line, not a
/// silent gap. Files named under <c>include:</c> are checked on their own first (so errors point into them), then
/// merged into the including file.
/// </summary>
public static class ScenarioLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithEnforceRequiredMembers()
        .WithNodeDeserializer(inner => new ScenarioEntryPlacer(inner), where => where.InsteadOf<ObjectNodeDeserializer>())
        .Build();

    public static (Scenario Scenario, string Hash) Load(string path)
    {
        var texts = new StringBuilder();
        var files = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        var merged = LoadNode(Path.GetFullPath(path), texts, [], files);
        try
        {
            // Read from the merged nodes themselves, so every entry keeps the file and line it was written at.
            var scenario = Deserializer.Deserialize<Scenario?>(new ScenarioParser(merged, files, path)) ?? new Scenario();
            scenario.Include = [];
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(texts.ToString())))[..16];
            return (scenario, hash);
        }
        catch (YamlException e)
        {
            // Every file was valid alone, so what remains is a problem of the combination.
            throw new ConfigurationException(new SourceMark(path), $"the included scenarios do not fit together: {ConfigurationException.FromYaml(path, e).Problem}");
        }
    }

    private static YamlMappingNode LoadNode(string path, StringBuilder texts, HashSet<string> seen, Dictionary<YamlNode, string> files)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(new SourceMark(path), "scenario file not found");
        }
        if (!seen.Add(path))
        {
            throw new ConfigurationException(new SourceMark(path), "scenario includes itself");
        }
        var text = File.ReadAllText(path);
        texts.Append(text);
        Scenario alone;
        YamlMappingNode root;
        try
        {
            YamlProblems.CheckDuplicateKeys(text, path);
            alone = Deserializer.Deserialize<Scenario?>(text) ?? new Scenario();
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode ?? new YamlMappingNode();
        }
        catch (YamlException e)
        {
            throw YamlProblems.Explain(text, path, e);
        }
        root.Children.Remove(new YamlScalarNode("include"));
        foreach (var node in root.AllNodes)
        {
            files[node] = path;
        }
        var merged = new YamlMappingNode();
        foreach (var include in alone.Include)
        {
            var included = LoadNode(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include)), texts, seen, files);
            Merge(merged, included, path, "");
        }
        Merge(merged, root, path, "");
        return merged;
    }

    private static void Merge(YamlMappingNode into, YamlMappingNode from, string file, string at)
    {
        foreach (var (key, value) in from.Children)
        {
            var name = $"{at}{(at.Length > 0 ? "." : "")}{key}";
            if (!into.Children.TryGetValue(key, out var existing))
            {
                into.Children[key] = value;
            }
            else if (existing is YamlMappingNode a && value is YamlMappingNode b)
            {
                Merge(a, b, file, name);
            }
            else if (existing is YamlSequenceNode list && value is YamlSequenceNode more)
            {
                foreach (var item in more.Children)
                {
                    list.Children.Add(item);
                }
            }
            else if (!(existing is YamlScalarNode x && value is YamlScalarNode y && x.Value == y.Value))
            {
                throw new ConfigurationException(file, value.Start.Line, value.Start.Column,
                    $"'{name}' is set differently by an included scenario; set it in one file only");
            }
        }
    }
}
