namespace CharRnnLab.Web.Storage;

/// <summary>The lab database's tables. One row per run, per iteration (metrics) and per training sample.</summary>
internal static class RunStoreSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            corpus_name TEXT NOT NULL,
            settings TEXT NOT NULL,
            state TEXT NOT NULL,
            message TEXT,
            iteration INTEGER NOT NULL,
            total_iterations INTEGER NOT NULL,
            train_loss REAL,
            validation_loss REAL,
            checkpoint_iteration INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
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
}
