using Releng.Jobs.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// Reads mappings as YamlDotNet does, then gives each <see cref="IScenarioEntry"/> the place its mapping starts, and
/// reports a missing required key at the mapping that lacks it (the key itself is nowhere to point at).
/// </summary>
internal sealed class ScenarioEntryPlacer(INodeDeserializer inner) : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value,
        ObjectDeserializer rootDeserializer)
    {
        var start = reader.Current is MappingStart mapping ? mapping.Start : (Mark?)null;
        var file = (reader as ScenarioParser)?.File;
        try
        {
            if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer))
            {
                return false;
            }
        }
        catch (YamlException e) when (start is { } at && e is not MissingKeyException && MissingKeys(e) is { } missing)
        {
            throw new MissingKeyException(at, missing);
        }
        if (value is IScenarioEntry entry && start is { } place)
        {
            entry.At = new SourceMark(file ?? IScenarioEntry.Nowhere.File, place.Line, place.Column);
        }
        return true;
    }

    /// <summary>YamlDotNet's own words for the missing keys, without the place it put in front of them.</summary>
    private static string? MissingKeys(YamlException e)
    {
        foreach (var message in new[] { e.InnerException?.Message, e.Message })
        {
            var at = message?.IndexOf(MissingProperties, StringComparison.Ordinal) ?? -1;
            if (at >= 0)
            {
                return message![at..];
            }
        }
        return null;
    }

    private const string MissingProperties = "Missing properties";

    /// <summary>Keys missing from the mapping at <see cref="YamlException.Start"/>; the words are the inner exception's, as YamlDotNet's are.</summary>
    private sealed class MissingKeyException(Mark at, string missing) : YamlException(at, at, missing, new FormatException(missing));
}
