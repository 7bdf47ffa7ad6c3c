using Microsoft.Data.Sqlite;

namespace CharRnnLab.Web.Storage;

/// <summary>
/// The lab database's tables (one row per run, per iteration (metrics) and per training sample) and
/// their versions, kept in SQLite's user_version: 0 = the first lab's (settings as a StartRunRequest),
/// 1 = a run's corpus id and Core's RunConfig as JSON (the shape a checkpoint carries).
/// </summary>
internal static class RunStoreSchema
{
    public const int Version = 1;

    private const string Runs = """
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            corpus_id TEXT NOT NULL,
            corpus_name TEXT NOT NULL,
            config TEXT NOT NULL,
            state TEXT NOT NULL,
            message TEXT,
            iteration INTEGER NOT NULL,
            total_iterations INTEGER NOT NULL,
            train_loss REAL,
            validation_loss REAL,
            checkpoint_iteration INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        """;

    private const string MetricsAndSamples = """
        CREATE TABLE IF NOT EXISTS metrics (
            run_id TEXT NOT NULL,
            iteration INTEGER NOT NULL,
            total_iterations INTEGER NOT NULL,
            epoch REAL NOT NULL,
            train_loss REAL NOT NULL,
            smoothed_loss REAL NOT NULL,
            validation_loss REAL,
            learning_rate REAL NOT NULL,
            gradient_norm REAL NOT NULL,
            chars_per_second REAL NOT NULL,
            elapsed REAL NOT NULL,
            eta REAL,
            PRIMARY KEY (run_id, iteration)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS samples (
            run_id TEXT NOT NULL,
            iteration INTEGER NOT NULL,
            temperature REAL NOT NULL,
            text TEXT NOT NULL,
            loss REAL NOT NULL,
            PRIMARY KEY (run_id, iteration, temperature)) WITHOUT ROWID;
        """;

    /// <summary>Creates the tables of a new database, or brings an older one to <see cref="Version"/> in one transaction.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        RunStore.Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        if (UserVersion(connection) == 0 && HasColumn(connection, "runs", "settings")) LegacySettings.Migrate(connection, transaction);
        Execute(connection, transaction, Runs + MetricsAndSamples + $"PRAGMA user_version = {Version};");
        transaction.Commit();
    }

    private static int UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column";
        command.Parameters.AddWithValue("$column", column);
        return Convert.ToInt32(command.ExecuteScalar()) > 0;
    }

    internal static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
