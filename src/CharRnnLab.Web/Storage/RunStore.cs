using System.Globalization;
using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Storage;

/// <summary>
/// Every run's metadata, metrics and samples in SQLite (DATA/lab.db), so the lab remembers runs
/// across restarts. Writes are serialised by a lock (one writer; WAL lets pages read meanwhile).
/// </summary>
public sealed class RunStore
{
    private readonly string _connectionString;
    private readonly Lock _writeLock = new();

    public RunStore(IOptions<LabOptions> options)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Value.DatabasePath,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        Initialize();
    }

    private void Initialize()
    {
        using var connection = Open();
        RunStoreSchema.Migrate(connection);
    }

    public void Insert(RunSummary run)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO runs (id, name, corpus_id, corpus_name, config, state, message, iteration, total_iterations,
                                  train_loss, validation_loss, checkpoint_iteration, created_at, updated_at)
                VALUES ($id, $name, $corpusId, $corpus, $config, $state, $message, $iteration, $total,
                        $train, $validation, $checkpoint, $created, $updated)
                """;
            BindRun(command, run);
            command.ExecuteNonQuery();
        }
    }

    public void Update(RunSummary run)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE runs SET name=$name, corpus_id=$corpusId, corpus_name=$corpus, config=$config, state=$state, message=$message,
                    iteration=$iteration, total_iterations=$total, train_loss=$train, validation_loss=$validation,
                    checkpoint_iteration=$checkpoint, created_at=$created, updated_at=$updated
                WHERE id=$id
                """;
            BindRun(command, run);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Appends a batch of metrics and samples and updates the run row, in one transaction.</summary>
    public void Append(RunSummary run, IReadOnlyList<ProgressEvent> progress, IReadOnlyList<SampleEvent> samples)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            InsertProgress(connection, transaction, progress);
            InsertSamples(connection, transaction, samples);
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = """
                    UPDATE runs SET state=$state, message=$message, iteration=$iteration, total_iterations=$total,
                        train_loss=$train, validation_loss=$validation, checkpoint_iteration=$checkpoint, updated_at=$updated
                    WHERE id=$id
                    """;
                BindRun(command, run);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <summary>Forgets metrics and samples after <paramref name="iteration"/>: a run resumed from
    /// an older checkpoint trains those iterations again.</summary>
    public void TruncateAfter(string runId, int iteration)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            foreach (var table in new[] { "metrics", "samples" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"DELETE FROM {table} WHERE run_id=$id AND iteration > $iteration";
                command.Parameters.AddWithValue("$id", runId);
                command.Parameters.AddWithValue("$iteration", iteration);
                command.ExecuteNonQuery();
            }
        }
    }

    public void Delete(string runId)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            foreach (var table in new[] { "metrics", "samples", "runs" })
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"DELETE FROM {table} WHERE {(table == "runs" ? "id" : "run_id")}=$id";
                command.Parameters.AddWithValue("$id", runId);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public IReadOnlyList<RunSummary> ListRuns()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM runs ORDER BY created_at DESC, id DESC";
        using var reader = command.ExecuteReader();
        var runs = new List<RunSummary>();
        while (reader.Read()) runs.Add(ReadRun(reader));
        return runs;
    }

    public RunSummary? FindRun(string runId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM runs WHERE id=$id";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRun(reader) : null;
    }

    /// <summary>
    /// A run's metrics, oldest first, streamed row by row while the caller enumerates (once,
    /// promptly: the connection stays open until then), so a long run is never held in memory whole.
    /// </summary>
    /// <param name="runId">The run whose metrics to read.</param>
    /// <param name="cancellationToken">Stops the reading between rows.</param>
    public IEnumerable<ProgressEvent> StreamProgress(string runId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT iteration, total_iterations, epoch, train_loss, smoothed_loss, validation_loss, learning_rate,
                   gradient_norm, chars_per_second, elapsed, eta
            FROM metrics WHERE run_id=$id ORDER BY iteration
            """;
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ProgressEvent(runId, reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2),
                reader.GetDouble(3), reader.GetDouble(4), NullableDouble(reader, 5), reader.GetDouble(6),
                reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), NullableDouble(reader, 10));
        }
    }

    public IReadOnlyList<SampleEvent> ReadSamples(string runId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT iteration, temperature, text, loss FROM samples WHERE run_id=$id ORDER BY iteration, temperature";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        var samples = new List<SampleEvent>();
        while (reader.Read())
            samples.Add(new SampleEvent(runId, reader.GetInt32(0), reader.GetDouble(1), reader.GetString(2), reader.GetDouble(3)));
        return samples;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 5000;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void InsertProgress(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<ProgressEvent> points)
    {
        if (points.Count == 0) return;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR REPLACE INTO metrics (run_id, iteration, total_iterations, epoch, train_loss, smoothed_loss,
                validation_loss, learning_rate, gradient_norm, chars_per_second, elapsed, eta)
            VALUES ($run, $iteration, $total, $epoch, $train, $smoothed, $validation, $lr, $grad, $cps, $elapsed, $eta)
            """;
        var names = new[] { "$run", "$iteration", "$total", "$epoch", "$train", "$smoothed", "$validation", "$lr", "$grad", "$cps", "$elapsed", "$eta" };
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Prepare();
        foreach (var p in points)
        {
            object?[] values = [p.RunId, p.Iteration, p.TotalIterations, p.Epoch, Finite(p.TrainLoss), Finite(p.SmoothedLoss),
                Finite(p.ValidationLoss), p.LearningRate, Finite(p.GradientNorm), p.CharsPerSecond, p.ElapsedSeconds, p.Eta];
            for (int i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private static void InsertSamples(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SampleEvent> samples)
    {
        foreach (var s in samples)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT OR REPLACE INTO samples (run_id, iteration, temperature, text, loss)
                VALUES ($run, $iteration, $temperature, $text, $loss)
                """;
            command.Parameters.AddWithValue("$run", s.RunId);
            command.Parameters.AddWithValue("$iteration", s.Iteration);
            command.Parameters.AddWithValue("$temperature", s.Temperature);
            command.Parameters.AddWithValue("$text", s.Text);
            command.Parameters.AddWithValue("$loss", Finite(s.Loss));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>SQLite stores NaN as NULL; a diverged loss is kept as a large finite number instead.</summary>
    private static double? Finite(double? value) =>
        value is null ? null : double.IsNaN(value.Value) ? double.MaxValue : Math.Clamp(value.Value, double.MinValue, double.MaxValue);

    private static void BindRun(SqliteCommand command, RunSummary run)
    {
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$name", run.Name);
        command.Parameters.AddWithValue("$corpusId", run.CorpusId);
        command.Parameters.AddWithValue("$corpus", run.CorpusName);
        command.Parameters.AddWithValue("$config", RunConfigJson.Write(run.Config));
        command.Parameters.AddWithValue("$state", run.State.Wire());
        command.Parameters.AddWithValue("$message", (object?)run.Message ?? DBNull.Value);
        command.Parameters.AddWithValue("$iteration", run.Iteration);
        command.Parameters.AddWithValue("$total", run.TotalIterations);
        command.Parameters.AddWithValue("$train", (object?)Finite(run.TrainLoss) ?? DBNull.Value);
        command.Parameters.AddWithValue("$validation", (object?)Finite(run.ValidationLoss) ?? DBNull.Value);
        command.Parameters.AddWithValue("$checkpoint", (object?)run.CheckpointIteration ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", run.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$updated", run.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    private static RunSummary ReadRun(SqliteDataReader reader) => new(
        Id: reader.GetString(reader.GetOrdinal("id")),
        Name: reader.GetString(reader.GetOrdinal("name")),
        CorpusName: reader.GetString(reader.GetOrdinal("corpus_name")),
        State: RunStates.Parse(reader.GetString(reader.GetOrdinal("state"))),
        Message: reader.IsDBNull(reader.GetOrdinal("message")) ? null : reader.GetString(reader.GetOrdinal("message")),
        Iteration: reader.GetInt32(reader.GetOrdinal("iteration")),
        TotalIterations: reader.GetInt32(reader.GetOrdinal("total_iterations")),
        TrainLoss: NullableDouble(reader, reader.GetOrdinal("train_loss")),
        ValidationLoss: NullableDouble(reader, reader.GetOrdinal("validation_loss")),
        CheckpointIteration: reader.IsDBNull(reader.GetOrdinal("checkpoint_iteration")) ? null : reader.GetInt32(reader.GetOrdinal("checkpoint_iteration")),
        CreatedAt: DateTimeOffset.Parse(reader.GetString(reader.GetOrdinal("created_at")), CultureInfo.InvariantCulture),
        UpdatedAt: DateTimeOffset.Parse(reader.GetString(reader.GetOrdinal("updated_at")), CultureInfo.InvariantCulture),
        CorpusId: reader.GetString(reader.GetOrdinal("corpus_id")),
        Config: RunConfigJson.Read(reader.GetString(reader.GetOrdinal("config"))));

    private static double? NullableDouble(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
