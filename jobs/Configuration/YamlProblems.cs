using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Releng.Jobs.Configuration;

/// <summary>
/// Turns YamlDotNet's findings into the words of the file's author: keys and values, never .NET types, at the line
/// and column where the problem is (a duplicate key at its second occurrence, a tab where the tab is).
/// </summary>
public static partial class YamlProblems
{
    /// <summary>Fails on the first key written twice in one mapping, at its second occurrence.</summary>
    public static void CheckDuplicateKeys(string yaml, string file)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<Collection>();
        void Node(ParsingEvent node)
        {
            if (open.TryPeek(out var parent) && parent.Keys is { } keys)
            {
                if (parent.AtKey && node is Scalar key && !keys.Add(key.Value))
                {
                    throw new ConfigurationException(file, key.Start.Line, key.Start.Column, $"duplicate key '{key.Value}'");
                }
                parent.AtKey = !parent.AtKey;
            }
        }
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case Scalar or AnchorAlias:
                    Node(parser.Current);
                    break;
                case MappingStart:
                    Node(parser.Current);
                    open.Push(new Collection(new HashSet<string>(StringComparer.Ordinal)));
                    break;
                case SequenceStart:
                    Node(parser.Current);
                    open.Push(new Collection(null));
                    break;
                case MappingEnd or SequenceEnd:
                    open.Pop();
                    break;
            }
        }
    }

    /// <summary>A mapping (with the keys seen so far, and whether the next node is a key) or a sequence.</summary>
    private sealed class Collection(HashSet<string>? keys)
    {
        public HashSet<string>? Keys { get; } = keys;
        public bool AtKey { get; set; } = true;
    }

    /// <summary>The error for a YAML problem, in the author's words and at the right place.</summary>
    public static ConfigurationException Explain(string yaml, string file, YamlException e)
    {
        if (e is SyntaxErrorException or SemanticErrorException && e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            && FirstIndentingTab(yaml) is var (line, column))
        {
            return new ConfigurationException(file, line, column, "a tab indents this line; YAML indents with spaces only");
        }
        return ConfigurationException.FromYaml(file, e);
    }

    /// <summary>The 1-based line and column of the first tab in a line's leading whitespace.</summary>
    private static (int Line, int Column)? FirstIndentingTab(string yaml)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }
        return null;
    }

    /// <summary>YamlDotNet's message with type names replaced by what the author wrote or should write.</summary>
    public static string Explain(string message)
    {
        message = message.TrimEnd('.');
        if (NotFound().Match(message) is { Success: true } notFound)
        {
            var keys = KeysOf(notFound.Groups["type"].Value);
            return $"unknown key '{notFound.Groups["key"].Value}'" + (keys.Count > 0 ? $"; expected one of: {string.Join(", ", keys)}" : "");
        }
        if (Missing().Match(message) is { Success: true } missing)
        {
            return $"missing required key {missing.Groups["keys"].Value}";
        }
        if (InvalidCast().Match(message) is { Success: true } cast)
        {
            return $"expected {Shape(cast.Groups["to"].Value)} here";
        }
        if (NoDeserializer().Match(message) is { Success: true } none)
        {
            return $"expected {Shape(none.Groups["type"].Value)} here";
        }
        if (Expected().Match(message) is { Success: true } expected)
        {
            return $"expected {Event(expected.Groups["expected"].Value)} here, found {Event(expected.Groups["got"].Value)}";
        }
        if (NotBoolean().Match(message) is { Success: true } boolean)
        {
            return $"expected true or false, not '{boolean.Groups["value"].Value}'";
        }
        return TypeName().Replace(message, "a value of another kind");
    }

    /// <summary>The keys a mapping of the named type accepts, as written in YAML.</summary>
    private static IReadOnlyList<string> KeysOf(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(typeName, throwOnError: false))
            .FirstOrDefault(t => t is not null);
        return type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
            .Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name))
            .ToList() ?? [];
    }

    private static string Shape(string type) => type switch
    {
        _ when type.StartsWith("System.String", StringComparison.Ordinal) => "a single value (text), not a list or mapping",
        _ when type.StartsWith("System.Int", StringComparison.Ordinal) => "a whole number",
        _ when type.StartsWith("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("List`1", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "a list",
        _ => "a mapping (key: value lines)",
    };

    private static string Event(string name) => name switch
    {
        "MappingStart" => "a mapping (key: value lines)",
        "SequenceStart" => "a list",
        "Scalar" => "a single value",
        _ => "something else",
    };

    [GeneratedRegex(@"^Property '(?<key>[^']*)' not found on type '(?<type>[^']*)'$")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"^Missing properties, (?<keys>.*) in source yaml$")]
    private static partial Regex Missing();

    [GeneratedRegex(@"^Invalid cast from '(?<from>[^']*)' to '(?<to>.*)'$")]
    private static partial Regex InvalidCast();

    [GeneratedRegex(@"^No node deserializer was able to deserialize the node into type (?<type>.*)$")]
    private static partial Regex NoDeserializer();

    [GeneratedRegex(@"^Expected '(?<expected>\w+)', got '(?<got>\w+)'")]
    private static partial Regex Expected();

    [GeneratedRegex(@"^The value ""(?<value>.*)"" is not a valid YAML Boolean$")]
    private static partial Regex NotBoolean();

    [GeneratedRegex(@"'?\b(?:System|Releng|YamlDotNet)\.[\w.`\[\], =]+'?")]
    private static partial Regex TypeName();
}
