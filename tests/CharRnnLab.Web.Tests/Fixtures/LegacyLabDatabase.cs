using Microsoft.Data.Sqlite;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>
/// A lab database as the first lab (schema 0) wrote it: its CREATE statements, and a run row whose
/// settings column is a StartRunRequest serialised with the default options, as that lab stored it.
/// </summary>
public static class LegacyLabDatabase
{
    public const string RunId = "20250101-000000-abcd";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, corpus_name TEXT NOT NULL, settings TEXT NOT NULL, state TEXT NOT NULL,
            message TEXT, iteration INTEGER NOT NULL, total_iterations INTEGER NOT NULL, train_loss REAL, validation_loss REAL,
            checkpoint_iteration INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS metrics (
            run_id TEXT NOT NULL, iteration INTEGER NOT NULL, total_iterations INTEGER NOT NULL, epoch REAL NOT NULL,
            train_loss REAL NOT NULL, smoothed_loss REAL NOT NULL, validation_loss REAL, learning_rate REAL NOT NULL,
            gradient_norm REAL NOT NULL, chars_per_second REAL NOT NULL, elapsed REAL NOT NULL, eta REAL,
            PRIMARY KEY (run_id, iteration)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS samples (
            run_id TEXT NOT NULL, iteration INTEGER NOT NULL, temperature REAL NOT NULL, text TEXT NOT NULL, loss REAL NOT NULL,
            PRIMARY KEY (run_id, iteration, temperature)) WITHOUT ROWID;
        """;

    /// <summary>LabHost.TinyRun(upload-tiny, 30) as the first lab serialised it.</summary>
    public const string Settings = "{" +
        "\"CorpusId\":\"upload-tiny\",\"Name\":\"legacy run\",\"Cell\":\"lstm\",\"Layers\":1,\"Hidden\":16,\"Embedding\":0,\"Dropout\":0," +
        "\"Batch\":4,\"Seq\":16,\"LearningRate\":0.005,\"GradClip\":5,\"Iterations\":30,\"Epochs\":1,\"EvalEvery\":5,\"SampleEvery\":5," +
        "\"SampleLength\":40,\"SampleTemperature\":0.8,\"CheckpointEvery\":10,\"Seed\":123}";

    /// <summary>Writes DATA/lab.db with one interrupted run at iteration 12 (checkpoint 10) and two metric rows.</summary>
    public static void Create(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "lab.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema + $"""
            INSERT INTO runs VALUES ('{RunId}', 'legacy run', 'tiny', '{Settings}', 'interrupted',
                'The server stopped while this run was training.', 12, 30, 2.5, 2.6, 10, '2025-01-01T00:00:00.0000000+00:00',
                '2025-01-01T00:01:00.0000000+00:00');
            INSERT INTO metrics VALUES ('{RunId}', 1, 30, 0.01, 3.0, 3.0, NULL, 0.005, 1.0, 100, 0.1, 3);
            INSERT INTO metrics VALUES ('{RunId}', 2, 30, 0.02, 2.9, 2.99, 2.95, 0.005, 1.0, 100, 0.2, 3);
            """;
        command.ExecuteNonQuery();
    }
}
