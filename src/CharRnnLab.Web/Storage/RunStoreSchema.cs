using Microsoft.Data.Sqlite;

namespace CharRnnLab.Web.Storage;

/// <summary>
/// The lab database's tables (one row per run, per bucket of its loss curve (metrics) and per training sample)
/// and their versions, kept in SQLite's user_version: 0 = the first lab's (settings as a StartRunRequest),
/// 1 = a run's corpus id and Core's RunConfig as JSON (the shape a checkpoint carries), 2 = metrics rows are
/// buckets (<see cref="StoredCurve"/>: the points each stands for and the lowest validation loss in it).
/// </summary>
internal static class RunStoreSchema
{
    public const int Version = 2;

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
            points INTEGER NOT NULL DEFAULT 1,
            best_validation_loss REAL,
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
        Execute(connection, transaction, Runs + MetricsAndSamples);
        if (!HasColumn(connection, "metrics", "points")) Execute(connection, transaction, MetricsAsBuckets);
        Execute(connection, transaction, $"PRAGMA user_version = {Version};");
        transaction.Commit();
    }

    /// <summary>Version 1's metrics (a row per iteration) as buckets of one point each.</summary>
    private const string MetricsAsBuckets = """
        ALTER TABLE metrics ADD COLUMN points INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE metrics ADD COLUMN best_validation_loss REAL;
        UPDATE metrics SET best_validation_loss = validation_loss;
        """;

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
