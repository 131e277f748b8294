namespace Releng.Jobs.Accounts.Fasjson;

/// <summary>What a release engineer reads when FASJSON turns the bot away.</summary>
public static class FasjsonMessages
{
    /// <summary>One line: FASJSON answers 401 both for no ticket and for a ticket it cannot accept.</summary>
    public static string TicketRefused(Uri fasjson) =>
        $"{fasjson.Host} refused the Kerberos ticket (HTTP 401): check that KRB5_KEYTAB holds a current key for KRB5_PRINCIPAL " +
        "(klist -k -t <keytab>; kinit -k -t <keytab> <principal>) and that the run was started by build.sh, which sets KRB5_CLIENT_KTNAME";
}
