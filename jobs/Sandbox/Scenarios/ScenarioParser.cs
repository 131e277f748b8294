using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// The events of a scenario's YAML nodes, merged from several files, with each node's own place in its own file:
/// what the deserializer reads, so a scenario entry knows the file and line it came from even after includes were merged.
/// </summary>
internal sealed class ScenarioParser : IParser
{
    private readonly IEnumerator<(ParsingEvent Event, string File)> _events;

    /// <param name="files">The file each node was read from; a node not in it belongs to <paramref name="file"/>.</param>
    public ScenarioParser(YamlNode root, IReadOnlyDictionary<YamlNode, string> files, string file)
    {
        _events = Document(root, files, file).GetEnumerator();
        File = file;
    }

    public ParsingEvent? Current { get; private set; }

    /// <summary>The file <see cref="Current"/> was read from.</summary>
    public string File { get; private set; }

    public bool MoveNext()
    {
        if (!_events.MoveNext())
        {
            Current = null;
            return false;
        }
        (Current, File) = _events.Current;
        return true;
    }

    private static IEnumerable<(ParsingEvent, string)> Document(YamlNode root, IReadOnlyDictionary<YamlNode, string> files, string file)
    {
        yield return (new StreamStart(), file);
        yield return (new DocumentStart(null, null, isImplicit: true), file);
        foreach (var e in Node(root, files, file))
        {
            yield return e;
        }
        yield return (new DocumentEnd(isImplicit: true), file);
        yield return (new StreamEnd(), file);
    }

    private static IEnumerable<(ParsingEvent, string)> Node(YamlNode node, IReadOnlyDictionary<YamlNode, string> files, string file)
    {
        file = files.GetValueOrDefault(node) ?? file;
        var plain = node.Tag.IsEmpty;
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (new Scalar(AnchorName.Empty, scalar.Tag, scalar.Value ?? "", scalar.Style, plain, plain, scalar.Start, scalar.End), file);
                break;
            case YamlSequenceNode sequence:
                yield return (new SequenceStart(AnchorName.Empty, sequence.Tag, plain, sequence.Style, sequence.Start, sequence.End), file);
                foreach (var e in sequence.Children.SelectMany(child => Node(child, files, file)))
                {
                    yield return e;
                }
                yield return (new SequenceEnd(sequence.End, sequence.End), file);
                break;
            case YamlMappingNode mapping:
                yield return (new MappingStart(AnchorName.Empty, mapping.Tag, plain, mapping.Style, mapping.Start, mapping.End), file);
                foreach (var (key, value) in mapping.Children)
                {
                    foreach (var e in Node(key, files, file).Concat(Node(value, files, file)))
                    {
                        yield return e;
                    }
                }
                yield return (new MappingEnd(mapping.End, mapping.End), file);
                break;
            default:
                throw new YamlException(node.Start, node.End, "an alias the scenario loader could not resolve");
        }
    }
}
