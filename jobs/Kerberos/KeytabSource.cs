namespace Releng.Jobs.Kerberos;

/// <summary>
/// How <c>KRB5_KEYTAB</c> is read, the same way build.sh reads it: the name of an existing file is a keytab path;
/// anything else is the keytab itself, base64-encoded (as a CI secret holds it).
/// </summary>
public static class KeytabSource
{
    public static bool IsPath(string value) => File.Exists(value);
}
