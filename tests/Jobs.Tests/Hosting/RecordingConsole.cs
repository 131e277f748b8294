using System.Globalization;
using System.Text;
using Cake.Core;

namespace Releng.Jobs.Tests.Hosting;

/// <summary>Cake's console, recorded: what a pipeline log would show.</summary>
public sealed class RecordingConsole : IConsole
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public ConsoleColor ForegroundColor { get; set; }
    public ConsoleColor BackgroundColor { get; set; }
    public bool SupportAnsiEscapeCodes => false;

    private void Append(string format, object[] args, bool line)
    {
        lock (_text)
        {
            _text.Append(args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
            if (line)
            {
                _text.AppendLine();
            }
        }
    }

    public void Write(string format, params object[] arg) => Append(format, arg, false);
    public void Write(string value) => Append(value, [], false);
    public void WriteLine(string format, params object[] arg) => Append(format, arg, true);
    public void WriteLine(string value) => Append(value, [], true);
    public void WriteError(string format, params object[] arg) => Append(format, arg, false);
    public void WriteError(string value) => Append(value, [], false);
    public void WriteErrorLine(string format, params object[] arg) => Append(format, arg, true);
    public void WriteErrorLine(string value) => Append(value, [], true);
    public void ResetColor()
    {
    }
}
