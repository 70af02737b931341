namespace SmbBot.PostgreSql;

/// <summary>
/// Which of SmbBot's stores have a PostgreSQL implementation. The host refuses to start on PostgreSQL until
/// <see cref="Missing"/> is empty: half the state in one engine and half in another would split one business's data.
/// </summary>
public static class PostgreSqlStores
{
    /// <summary>Stores with a PostgreSQL implementation and the shared contract tests.</summary>
    public static IReadOnlyList<string> Done { get; } = ["tickets", "conversation records", "outbox (alerts and e-mail)", "customer e-mail inbox", "privacy audit log", "insight", "Direct Line conversations and activities", "staff accounts", "teams", "FAQ vectors", "knowledge versions"];

    /// <summary>Stores still only on LiteDB, in the order they are planned.</summary>
    public static IReadOnlyList<string> Missing { get; } =
    [];
}
