using YamlDotNet.RepresentationModel;

namespace Releng.Jobs.Tests.Workflows;

/// <summary>Reads a generated workflow as YAML, as a runner would, for the workflow tests of both forges.</summary>
internal static class WorkflowYaml
{
    public static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    /// <summary>The node at <paramref name="path"/> (mapping keys) below <paramref name="node"/>.</summary>
    public static YamlNode Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }
        return node;
    }
}
