namespace Releng.Jobs.Koji;

/// <summary>What a release engineer reads when the hub turns the bot's login away.</summary>
public static class KojiMessages
{
    /// <summary>One line: Apache answers 401 both for no ticket and for a ticket it cannot accept.</summary>
    public static string TicketRefused(Uri sslLogin) =>
        $"Koji refused the Kerberos ticket at {sslLogin} (HTTP 401): check that KRB5_KEYTAB holds a current key for KRB5_PRINCIPAL " +
        "(klist -k -t <keytab>; kinit -k -t <keytab> <principal>) and that the run was started by build.sh, which sets KRB5_CLIENT_KTNAME";
}
