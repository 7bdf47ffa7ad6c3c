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
/// A run's metrics are its <see cref="StoredCurve"/>: bounded however long it trains.
/// </summary>
public sealed class RunStore
{
    private readonly string _connectionString;
    private readonly Lock _writeLock = new();
    // The curves of the runs written to since start (under _writeLock): each batch then costs its own rows, not a re-read.
    // Forgotten when a run ends, is truncated or deleted (read back from its rows when it writes again).
    private readonly Dictionary<string, StoredCurve> _curves = [];

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
        CompactLongCurves(connection);
    }

    /// <summary>Compacts the curves an earlier lab stored a row per iteration (longer than <see cref="StoredCurve.MaxRows"/>), once,
    /// so every run's GetHistory reads a bounded number of rows.</summary>
    private static void CompactLongCurves(SqliteConnection connection)
    {
        var longRuns = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT run_id FROM metrics GROUP BY run_id HAVING COUNT(*) > $max";
            command.Parameters.AddWithValue("$max", StoredCurve.MaxRows + 1);
            using var reader = command.ExecuteReader();
            while (reader.Read()) longRuns.Add(reader.GetString(0));
        }
        foreach (var runId in longRuns)
        {
            using var transaction = connection.BeginTransaction();
            var curve = StoredCurve.Load(MetricsRows.Read(connection, transaction, runId).ToList());
            MetricsRows.Write(connection, transaction, runId, curve.Add([]));
            transaction.Commit();
        }
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
            if (!run.State.IsActive()) _curves.Remove(run.Id);
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

    /// <summary>Appends a batch of metrics (of later iterations than those stored; compacted into the run's
    /// <see cref="StoredCurve"/>) and samples and updates the run row, in one transaction.</summary>
    public void Append(RunSummary run, IReadOnlyList<ProgressEvent> progress, IReadOnlyList<SampleEvent> samples)
    {
        lock (_writeLock)
        {
            try
            {
                AppendLocked(run, progress, samples);
                if (!run.State.IsActive()) _curves.Remove(run.Id);
            }
            catch
            {
                _curves.Remove(run.Id); // the rows did not change: read them again next time
                throw;
            }
        }
    }

    private void AppendLocked(RunSummary run, IReadOnlyList<ProgressEvent> progress, IReadOnlyList<SampleEvent> samples)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        MetricsRows.Write(connection, transaction, run.Id, Curve(connection, transaction, run.Id).Add(progress));
        SampleRows.Add(connection, transaction, run.Id, samples);
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

    /// <summary>The run's curve as written so far, read from its rows the first time.</summary>
    private StoredCurve Curve(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        if (!_curves.TryGetValue(runId, out var curve))
            _curves[runId] = curve = StoredCurve.Load(MetricsRows.Read(connection, transaction, runId).ToList());
        return curve;
    }

    /// <summary>Forgets metrics and samples after <paramref name="iteration"/>: a run resumed from
    /// an older checkpoint trains those iterations again. (A bucket of a compacted curve that ends after
    /// it goes too, with its points before it: at most one bucket.)</summary>
    public void TruncateAfter(string runId, int iteration)
    {
        lock (_writeLock)
        {
            _curves.Remove(runId);
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
            _curves.Remove(runId);
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
    /// A run's stored curve, oldest first, streamed row by row while the caller enumerates (once,
    /// promptly: the connection stays open until then). At most <see cref="StoredCurve.MaxRows"/> rows
    /// (or one per iteration, for a run an earlier lab stored and nothing has written to since).
    /// </summary>
    /// <param name="runId">The run whose metrics to read.</param>
    /// <param name="cancellationToken">Stops the reading between rows.</param>
    public IEnumerable<StoredProgress> StreamProgress(string runId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        foreach (var row in MetricsRows.Read(connection, null, runId, cancellationToken)) yield return row;
    }

    /// <summary>A run's training samples, oldest first (at most <see cref="Core.Numerics.Thinning.MaxSamples"/>).</summary>
    public IReadOnlyList<SampleEvent> ReadSamples(string runId)
    {
        using var connection = Open();
        return SampleRows.Read(connection, runId);
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

    /// <summary>SQLite stores NaN as NULL; a diverged loss is kept as a large finite number instead.</summary>
    internal static double? Finite(double? value) =>
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

    internal static double? NullableDouble(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
