namespace Releng.Jobs.Koji;

/// <summary>Koji fault codes (koji/__init__.py). Switch on the code; the fault string is for people.</summary>
public static class KojiFaultCode
{
    /// <summary>A Python exception that is not a Koji error, e.g. a wrongly typed argument reaching SQL.</summary>
    public const int Unexpected = 1;
    public const int Generic = 1000;
    public const int Lock = 1001;
    public const int Auth = 1002;
    public const int Tag = 1003;
    public const int ActionNotAllowed = 1004;
    public const int Build = 1005;
    public const int AuthLock = 1006;
    public const int AuthExpired = 1007;
    public const int Sequence = 1008;
    public const int Retry = 1009;
    public const int ServerOffline = 1014;
    public const int Parameter = 1019;
    public const int Configuration = 1021;
    public const int GssapiAuth = 1023;
    public const int NameValidation = 1024;

    public static string Name(int code) => code switch
    {
        Unexpected => "unexpected server error",
        Generic => "GenericError",
        Lock => "LockError",
        Auth => "AuthError",
        Tag => "TagError",
        ActionNotAllowed => "ActionNotAllowed",
        Build => "BuildError",
        AuthLock => "AuthLockError",
        AuthExpired => "AuthExpired",
        Sequence => "SequenceError",
        Retry => "RetryError",
        1010 => "PreBuildError",
        1011 => "PostBuildError",
        1012 => "BuildrootError",
        1013 => "FunctionDeprecated",
        ServerOffline => "ServerOffline",
        1015 => "LiveCDError",
        1016 => "PluginError",
        1017 => "CallbackError",
        1018 => "ApplianceError",
        Parameter => "ParameterError",
        1020 => "ImportError",
        Configuration => "ConfigurationError",
        1022 => "LiveMediaError",
        GssapiAuth => "GSSAPIAuthError",
        NameValidation => "NameValidationError",
        _ => "fault",
    };
}
