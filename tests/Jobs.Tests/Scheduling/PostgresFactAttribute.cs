namespace Releng.Jobs.Tests.Scheduling;

/// <summary>
/// A test that needs a PostgreSQL server: it runs when <c>RELENG_TEST_POSTGRES</c> holds a connection string
/// (e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres;Database=quartz</c>) and is reported as skipped otherwise.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "RELENG_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"set {Variable} to a PostgreSQL connection string to run the clustered scheduler tests";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
