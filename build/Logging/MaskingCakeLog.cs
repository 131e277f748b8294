using System.Globalization;
using Cake.Core.Diagnostics;
using Releng.Jobs.Secrets;

namespace Releng.Build.Logging;

/// <summary>Cake's log with every secret value masked: pipeline logs are public audit trails.</summary>
public sealed class MaskingCakeLog(ICakeLog inner, SecretMasker masker) : ICakeLog
{
    public Verbosity Verbosity
    {
        get => inner.Verbosity;
        set => inner.Verbosity = value;
    }

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        var text = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        // Braces in the masked text must not be read as format items by the inner log.
        inner.Write(verbosity, level, "{0}", masker.Apply(text));
    }
}
