using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Releng.Jobs.Workflows;

/// <summary>
/// A small block-style YAML writer. Workflows are written by hand rather than serialized so that key order,
/// quoting and layout are fixed and the files diff cleanly.
/// </summary>
internal sealed class YamlText
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly StringBuilder _text = new();
    private int _depth;

    public YamlText Comment(string comment) => Line($"# {comment}");

    public YamlText Blank()
    {
        _text.Append('\n');
        return this;
    }

    /// <summary>A scalar written as is: only for values that are plain YAML by construction.</summary>
    public YamlText Plain(string key, string value) => Line($"{key}: {value}");

    /// <summary>A scalar in double quotes; JSON string escaping is valid YAML double-quoted style.</summary>
    public YamlText Quoted(string key, string value) => Line($"{key}: {Quote(value)}");

    public YamlText Map(string key, Action<YamlText> body)
    {
        Line($"{key}:");
        _depth++;
        body(this);
        _depth--;
        return this;
    }

    /// <summary>An item of a block sequence whose content is a mapping.</summary>
    public YamlText Item(Action<YamlText> body)
    {
        var start = _text.Length;
        _depth++;
        body(this);
        _depth--;
        // Put the dash on the item's first line: "- key: value".
        var indent = new string(' ', (_depth + 1) * 2);
        _text.Remove(start, indent.Length).Insert(start, new string(' ', _depth * 2) + "- ");
        return this;
    }

    public YamlText PlainItem(string value) => Line($"- {value}");

    /// <summary>A literal block scalar (<c>|</c>): the text is kept byte for byte, nothing in it is interpreted.</summary>
    public YamlText Literal(string key, IEnumerable<string> lines)
    {
        Line($"{key}: |");
        _depth++;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                _text.Append('\n');
            }
            else
            {
                Line(line);
            }
        }
        _depth--;
        return this;
    }

    public override string ToString() => _text.ToString();

    public static string Quote(string value) => JsonSerializer.Serialize(value, Json);

    private YamlText Line(string line)
    {
        _text.Append(' ', _depth * 2).Append(line).Append('\n');
        return this;
    }
}
