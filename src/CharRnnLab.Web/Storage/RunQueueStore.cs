using System.Globalization;
using System.Text.Json;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Storage;

/// <summary>
/// The run queue in the lab database (table run_queue, created if missing, so an older lab.db
/// gains it on first start). A pending entry has no run id; a started one keeps its row with the
/// id of the run it became, so a Compare link naming queue entries still finds them later.
/// </summary>
public sealed class RunQueueStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS run_queue (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            settings TEXT NOT NULL,
            enqueued_at TEXT NOT NULL,
            run_id TEXT);
        """;

    private readonly string _connectionString;

    public RunQueueStore(IOptions<LabOptions> options)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = options.Value.DatabasePath, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, Schema);
    }

    /// <summary>The entries still waiting, first in line first.</summary>
    public IReadOnlyList<QueuedRun> Pending()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT id, settings, enqueued_at FROM run_queue WHERE run_id IS NULL ORDER BY position, id");
        using var reader = command.ExecuteReader();
        var entries = new List<QueuedRun>();
        while (reader.Read())
            entries.Add(new QueuedRun(reader.GetString(0),
                JsonSerializer.Deserialize<StartRunRequest>(reader.GetString(1)) ?? new StartRunRequest(),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
        return entries;
    }

    /// <summary>Puts <paramref name="entries"/> at the end of the line, in order, in one transaction.</summary>
    public void Append(IReadOnlyList<QueuedRun> entries)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var last = Command(connection, "SELECT COALESCE(MAX(position), 0) FROM run_queue", transaction);
        long position = (long)last.ExecuteScalar()!;
        foreach (var entry in entries)
        {
            using var insert = Command(connection, """
                INSERT INTO run_queue (id, position, settings, enqueued_at) VALUES ($id, $position, $settings, $at)
                """, transaction, ("$id", entry.Id), ("$position", ++position),
                ("$settings", JsonSerializer.Serialize(entry.Request)), ("$at", entry.EnqueuedAt.ToString("O", CultureInfo.InvariantCulture)));
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Gives the pending entries the order of <paramref name="ids"/>.</summary>
    public void Reorder(IReadOnlyList<string> ids)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        for (int i = 0; i < ids.Count; i++)
        {
            using var update = Command(connection, "UPDATE run_queue SET position=$position WHERE id=$id", transaction, ("$position", i + 1), ("$id", ids[i]));
            update.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public void Remove(string id)
    {
        using var connection = Open();
        using var delete = Command(connection, "DELETE FROM run_queue WHERE id=$id AND run_id IS NULL", null, ("$id", id));
        delete.ExecuteNonQuery();
    }

    /// <summary>The entry left the queue as run <paramref name="runId"/>.</summary>
    public void MarkStarted(string id, string runId)
    {
        using var connection = Open();
        using var update = Command(connection, "UPDATE run_queue SET run_id=$run WHERE id=$id", null, ("$run", runId), ("$id", id));
        update.ExecuteNonQuery();
    }

    /// <summary>The run a started entry became; null while it waits or when there is no such entry.</summary>
    public string? RunIdOf(string id)
    {
        using var connection = Open();
        using var query = Command(connection, "SELECT run_id FROM run_queue WHERE id=$id", null, ("$id", id));
        return query.ExecuteScalar() as string;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
